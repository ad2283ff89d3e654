namespace Idl.Numerics.WellPosedness;

/// <summary>The conclusion of a <see cref="WellPosednessReport"/> (Definition 2.1).</summary>
public enum WellPosednessVerdict
{
    /// <summary>No implemented test decides: the sufficient conditions fail and no ill-posedness is proven.</summary>
    Unknown,

    /// <summary>A sufficient condition holds: x = φ(Ax + b) has a unique solution for every b.</summary>
    WellPosed,

    /// <summary>Proven ill-posed: some b gives no or several solutions (the "only if" of Theorems 2.7–2.8).</summary>
    IllPosed,
}
