namespace Idl.Grains.Contracts;

/// <summary>The element type of a <see cref="MatrixPayload"/>; the value is the element size in bytes.</summary>
[GenerateSerializer, Alias("idl.PayloadElement")]
public enum PayloadElement : byte
{
    /// <summary>IEEE 754 binary32.</summary>
    Float32 = 4,

    /// <summary>IEEE 754 binary64.</summary>
    Float64 = 8,
}
