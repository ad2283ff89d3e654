namespace Idl.Numerics;

/// <summary>The element type a model is trained and stored in; parsed once at the edge (<c>--precision</c>).</summary>
public enum Precision
{
    /// <summary>IEEE single precision (float): about twice as fast, state resolution ~1e-7 relative.</summary>
    Float32,

    /// <summary>IEEE double precision: for gradient checks and tight tolerances.</summary>
    Float64,
}

/// <summary>The names of <see cref="Precision"/> as the CLI, the model file and the JSON outputs spell them.</summary>
public static class PrecisionNames
{
    /// <summary><c>float32</c> or <c>float64</c>.</summary>
    public static string Name(this Precision precision) => precision == Precision.Float32 ? "float32" : "float64";

    /// <summary>Bytes per element: 4 or 8.</summary>
    public static int ElementBytes(this Precision precision) => precision == Precision.Float32 ? sizeof(float) : sizeof(double);
}
