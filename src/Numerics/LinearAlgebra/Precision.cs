namespace Idl.Numerics;

/// <summary>The element type a model is trained and stored in; parsed once at the edge (<c>--precision</c>).</summary>
public enum Precision
{
    /// <summary>IEEE single precision (float): about twice as fast, state resolution ~1e-7 relative.</summary>
    Float32,

    /// <summary>IEEE double precision: for gradient checks and tight tolerances.</summary>
    Float64,
}
