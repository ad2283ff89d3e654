using System.Runtime.InteropServices;

namespace Idl.Numerics.Serialization;

/// <summary>One tensor of a model file as written: its header entry and its little-endian bytes.</summary>
internal sealed record TensorBytes(string Name, string Dtype, int[] Shape, byte[] Bytes)
{
    public static TensorBytes Of<T>(string name, string dtype, int[] shape, T[] data) where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Model files are written on little-endian hosts only.");
        return new TensorBytes(name, dtype, shape, MemoryMarshal.AsBytes(data.AsSpan()).ToArray());
    }
}
