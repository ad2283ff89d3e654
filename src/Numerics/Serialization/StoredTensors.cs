using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Idl.Numerics.Serialization;

/// <summary>The tensors of one model file: each read by name, its header entry checked against the data bytes.</summary>
/// <param name="Reference">The tensor whose dtype every floating-point tensor must share (A, or B when A is structured).</param>
internal sealed record StoredTensors(string Path, JsonElement Root, ReadOnlyMemory<byte> Payload, string Reference)
{
    /// <summary>A floating-point tensor of rank 1 or 2 as a matrix (a vector as one row), or null when optional and absent.</summary>
    public Matrix<T>? Matrix<T>(string name, int rank, bool optional = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        string want = typeof(T) == typeof(float) ? "F32" : "F64";
        var entry = Entry(name, rank, optional, dtype => dtype == want ? Marshal.SizeOf<T>()
            : throw new ModelFormatException(Path, $"tensor '{name}' has dtype {dtype} but {Reference} has {want}."));
        if (entry is not var (shape, _, start, length)) return null;
        var data = MemoryMarshal.Cast<byte, T>(Payload.Span.Slice(start, length)).ToArray();
        return rank == 2 ? new Matrix<T>(shape[0], shape[1], data) : new Matrix<T>(1, shape[0], data);
    }

    /// <summary>A rank-1 integer tensor: I32, or I64 too when <paramref name="allowLong"/> (each value must then fit in 32 bits).</summary>
    public int[] Integers(string name, bool allowLong)
    {
        var (_, dtype, start, length) = Entry(name, 1, optional: false, dtype => dtype switch
        {
            "I32" => sizeof(int),
            "I64" when allowLong => sizeof(long),
            _ => throw new ModelFormatException(Path, $"tensor '{name}' has dtype {dtype}; expected {(allowLong ? "I32 or I64" : "I32")}."),
        })!.Value;
        var bytes = Payload.Span.Slice(start, length);
        if (dtype == "I32") return MemoryMarshal.Cast<byte, int>(bytes).ToArray();
        var wide = MemoryMarshal.Cast<byte, long>(bytes);
        var result = new int[wide.Length];
        for (int i = 0; i < wide.Length; i++)
            result[i] = wide[i] is >= int.MinValue and <= int.MaxValue ? (int)wide[i]
                : throw new ModelFormatException(Path, $"tensor '{name}' holds {wide[i]} at index {i}, beyond the 32-bit indices this build uses.");
        return result;
    }

    /// <summary>Fails when tensor <paramref name="name"/> is present: it contradicts the stored form.</summary>
    public void Refuse(string name, string why)
    {
        if (Root.TryGetProperty(name, out _)) throw new ModelFormatException(Path, $"tensor '{name}' is present but {why}; the file is inconsistent.");
    }

    private (int[] Shape, string Dtype, int Start, int Length)? Entry(string name, int rank, bool optional, Func<string, int> elementSize)
    {
        if (!Root.TryGetProperty(name, out var t))
            return optional ? null : throw new ModelFormatException(Path, $"tensor '{name}' is missing.");
        try
        {
            string dtype = t.GetProperty("dtype").GetString() ?? "";
            int size = elementSize(dtype);
            var shape = t.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var offsets = t.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            if (shape.Length != rank || shape.Any(s => s < 0)) throw new ModelFormatException(Path, $"tensor '{name}' has shape [{string.Join(",", shape)}]; expected rank {rank}.");
            // Each dimension is at most int.MaxValue, but their product can still wrap a long (a crafted shape whose
            // count·size overflows to the stored length): stop multiplying once the count exceeds what the data holds.
            long count = 1, most = Payload.Length / Math.Max(1, size);
            foreach (int s in shape)
            {
                count = s == 0 ? 0 : count > most / s ? most + 1 : count * s;
                if (count == 0) break;
            }
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > Payload.Length || count > most
                || offsets[1] - offsets[0] != count * size)
                throw new ModelFormatException(Path, $"tensor '{name}' data_offsets [{string.Join(",", offsets)}] do not fit its shape or the file's {Payload.Length} data bytes.");
            return (shape, dtype, (int)offsets[0], (int)(count * size));
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new ModelFormatException(Path, $"tensor '{name}' has a malformed header entry ({e.Message}).");
        }
    }
}
