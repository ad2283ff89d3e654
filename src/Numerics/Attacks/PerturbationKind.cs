namespace Idl.Numerics.Attacks;

/// <summary>What happens to a chosen input (Figure 9 of the paper).</summary>
public enum PerturbationKind
{
    /// <summary>Replaced by a random value in the input's observed range: few inputs, large changes.</summary>
    Sparse,

    /// <summary>Moved by ±ε (random sign), clipped to the input's range: many inputs, small changes.</summary>
    Dense,
}
