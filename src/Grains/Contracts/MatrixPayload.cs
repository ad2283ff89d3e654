using System.Numerics;
using System.Runtime.InteropServices;
using Idl.Numerics;

namespace Idl.Grains.Contracts;

/// <summary>
/// A dense row-major matrix (or vector: one row) as one raw little-endian block, so that it crosses the wire
/// through <see cref="MatrixPayloadCodec"/> at memory speed instead of the 5–9 bytes per element of the default
/// array encoding. Immutable: the bytes are never changed after construction.
/// </summary>
[Immutable, Alias("idl.MatrixPayload")]
public sealed class MatrixPayload
{
    /// <summary>Wraps <paramref name="bytes"/> (taken over, not copied).</summary>
    /// <exception cref="ArgumentException">The byte count is not rows·cols·element size.</exception>
    public MatrixPayload(PayloadElement element, int rows, int cols, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (element is not (PayloadElement.Float32 or PayloadElement.Float64))
            throw new ArgumentException($"Unknown payload element type {(byte)element}.", nameof(element));
        if (rows < 0 || cols < 0 || (long)rows * cols * (int)element != bytes.Length)
            throw new ArgumentException($"A {rows}x{cols} {element} payload needs {(long)rows * cols * (int)element} bytes, not {bytes.Length}.", nameof(bytes));
        (Element, Rows, Cols, Bytes) = (element, rows, cols, bytes);
    }

    /// <summary>Element type.</summary>
    public PayloadElement Element { get; }

    /// <summary>Rows.</summary>
    public int Rows { get; }

    /// <summary>Columns.</summary>
    public int Cols { get; }

    /// <summary>The raw little-endian block, rows·cols·element size bytes.</summary>
    public byte[] Bytes { get; }

    /// <summary>Bytes on the wire, header included.</summary>
    public long WireBytes => Bytes.Length + MatrixPayloadCodec.HeaderBytes;

    /// <summary>A payload holding a copy of <paramref name="matrix"/>.</summary>
    public static MatrixPayload From<T>(Matrix<T> matrix) where T : unmanaged, IFloatingPointIeee754<T> =>
        From<T>(matrix.Rows, matrix.Cols, matrix.Data);

    /// <summary>A one-row payload holding a copy of <paramref name="vector"/>.</summary>
    public static MatrixPayload FromVector<T>(ReadOnlySpan<T> vector) where T : unmanaged, IFloatingPointIeee754<T> =>
        From(1, vector.Length, vector);

    /// <summary>The matrix as a new <see cref="Matrix{T}"/> (a copy).</summary>
    /// <exception cref="InvalidOperationException">The element type is not <typeparamref name="T"/>.</exception>
    public Matrix<T> ToMatrix<T>() where T : unmanaged, IFloatingPointIeee754<T> => new(Rows, Cols, ToArray<T>());

    /// <summary>The elements as a new array (a copy).</summary>
    /// <exception cref="InvalidOperationException">The element type is not <typeparamref name="T"/>.</exception>
    public T[] ToArray<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ElementOf<T>() != Element)
            throw new InvalidOperationException($"The payload holds {Element} elements, not {typeof(T).Name}.");
        var result = new T[(long)Rows * Cols];
        Bytes.AsSpan().CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Payloads are little-endian.");
        return result;
    }

    /// <summary>The payload element type of <typeparamref name="T"/>.</summary>
    public static PayloadElement ElementOf<T>() =>
        typeof(T) == typeof(float) ? PayloadElement.Float32
        : typeof(T) == typeof(double) ? PayloadElement.Float64
        : throw new NotSupportedException($"{typeof(T).Name} payloads are not supported; use float or double.");

    private static MatrixPayload From<T>(int rows, int cols, ReadOnlySpan<T> data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Payloads are little-endian.");
        return new MatrixPayload(ElementOf<T>(), rows, cols, MemoryMarshal.AsBytes(data).ToArray());
    }
}
