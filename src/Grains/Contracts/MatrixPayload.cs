using System.Numerics;
using System.Runtime.InteropServices;
using Idl.Numerics;

namespace Idl.Grains.Contracts;

/// <summary>
/// A dense row-major matrix (or vector: one row) as one raw little-endian block, so that it crosses the wire
/// through <see cref="MatrixPayloadCodec"/> at memory speed instead of the 5–9 bytes per element of the default
/// array encoding. Immutable: the elements are never changed after construction.
/// </summary>
/// <remarks>The block is held either as the bytes received from the wire or as the typed array it was built from,
/// so that a payload built and read inside one silo is viewed in place (<see cref="AsSpan{T}"/>,
/// <see cref="AsMatrix{T}"/>) instead of being copied to bytes and back. A payload too large for one message travels
/// as a <see cref="Handle"/> only (see MatrixPayload.Remote.cs); its elements must be fetched before they are read.</remarks>
[Immutable, Alias("idl.MatrixPayload")]
public sealed partial class MatrixPayload
{
    // byte[] (from the wire or a caller), float[] or double[] (taken over by Wrap or copied by From); null when remote.
    private readonly Array? _data;

    /// <summary>Wraps <paramref name="bytes"/> (taken over, not copied).</summary>
    /// <exception cref="ArgumentException">The byte count is not rows·cols·element size.</exception>
    public MatrixPayload(PayloadElement element, int rows, int cols, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Check(element, rows, cols, bytes.Length);
        (Element, Rows, Cols, _data) = (element, rows, cols, bytes);
    }

    private MatrixPayload(PayloadElement element, int rows, int cols, Array data) => (Element, Rows, Cols, _data) = (element, rows, cols, data);

    /// <summary>Element type.</summary>
    public PayloadElement Element { get; }

    /// <summary>Rows.</summary>
    public int Rows { get; }

    /// <summary>Columns.</summary>
    public int Cols { get; }

    /// <summary>The raw little-endian block, rows·cols·element size bytes (a copy when the payload was built from a typed array).</summary>
    public byte[] Bytes => _data as byte[] ?? ByteSpan.ToArray();

    /// <summary>The raw little-endian block, viewed in place.</summary>
    /// <exception cref="InvalidOperationException">The payload is remote (<see cref="Handle"/>): fetch it first.</exception>
    public ReadOnlySpan<byte> ByteSpan => _data switch
    {
        byte[] b => b,
        float[] f => MemoryMarshal.AsBytes(f.AsSpan()),
        double[] d => MemoryMarshal.AsBytes(d.AsSpan()),
        _ => throw NotFetched(),
    };

    /// <summary>Bytes of the elements, rows·cols·element size (held here, or on another silo when remote).</summary>
    public long DataBytes => (long)Rows * Cols * (int)Element;

    /// <summary>Bytes on the wire, header included: the elements, or only the handle when remote.</summary>
    public long WireBytes => MatrixPayloadCodec.HeaderBytes + (Handle is { } h ? MatrixPayloadCodec.HandleBytes(h) : DataBytes);

    /// <summary>A payload holding a copy of <paramref name="matrix"/>.</summary>
    public static MatrixPayload From<T>(Matrix<T> matrix) where T : unmanaged, IFloatingPointIeee754<T> =>
        From<T>(matrix.Rows, matrix.Cols, matrix.Data);

    /// <summary>A one-row payload holding a copy of <paramref name="vector"/>.</summary>
    public static MatrixPayload FromVector<T>(ReadOnlySpan<T> vector) where T : unmanaged, IFloatingPointIeee754<T> =>
        From(1, vector.Length, vector);

    /// <summary>A payload that takes over <paramref name="data"/> (not copied): the caller must never change it again.</summary>
    /// <exception cref="ArgumentException">The length is not rows·cols.</exception>
    public static MatrixPayload Wrap<T>(int rows, int cols, T[] data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Payloads are little-endian.");
        var element = ElementOf<T>();
        Check(element, rows, cols, (long)data.Length * (int)element);
        return new MatrixPayload(element, rows, cols, data);
    }

    /// <summary>A payload that takes over <paramref name="matrix"/>'s storage (not copied): the caller must never change it again.</summary>
    public static MatrixPayload Wrap<T>(Matrix<T> matrix) where T : unmanaged, IFloatingPointIeee754<T> => Wrap(matrix.Rows, matrix.Cols, matrix.Data);

    /// <summary>The elements viewed in place (no copy).</summary>
    /// <exception cref="InvalidOperationException">The element type is not <typeparamref name="T"/>.</exception>
    public ReadOnlySpan<T> AsSpan<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckElement<T>();
        return _data as T[] ?? MemoryMarshal.Cast<byte, T>(ByteSpan);
    }

    /// <summary>The matrix as a <see cref="Matrix{T}"/> that shares this payload's storage when it holds a
    /// <typeparamref name="T"/>[] (else a copy). The result must only be read.</summary>
    /// <exception cref="InvalidOperationException">The element type is not <typeparamref name="T"/>.</exception>
    public Matrix<T> AsMatrix<T>() where T : unmanaged, IFloatingPointIeee754<T> => new(Rows, Cols, AsArray<T>());

    /// <summary>The elements as an array that is this payload's storage when it holds a <typeparamref name="T"/>[]
    /// (else a copy). The result must only be read.</summary>
    /// <exception cref="InvalidOperationException">The element type is not <typeparamref name="T"/>.</exception>
    public T[] AsArray<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckElement<T>();
        return _data as T[] ?? ToArray<T>();
    }

    /// <summary>The matrix as a new <see cref="Matrix{T}"/> (a copy).</summary>
    /// <exception cref="InvalidOperationException">The element type is not <typeparamref name="T"/>.</exception>
    public Matrix<T> ToMatrix<T>() where T : unmanaged, IFloatingPointIeee754<T> => new(Rows, Cols, ToArray<T>());

    /// <summary>The elements as a new array (a copy).</summary>
    /// <exception cref="InvalidOperationException">The element type is not <typeparamref name="T"/>.</exception>
    public T[] ToArray<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckElement<T>();
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Payloads are little-endian.");
        var result = GC.AllocateUninitializedArray<T>(checked(Rows * Cols));
        ByteSpan.CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
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
        var copy = GC.AllocateUninitializedArray<T>(data.Length);
        data.CopyTo(copy);
        return Wrap(rows, cols, copy);
    }

    private void CheckElement<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ElementOf<T>() != Element)
            throw new InvalidOperationException($"The payload holds {Element} elements, not {typeof(T).Name}.");
    }

    private static void Check(PayloadElement element, int rows, int cols, long bytes)
    {
        if (element is not (PayloadElement.Float32 or PayloadElement.Float64))
            throw new ArgumentException($"Unknown payload element type {(byte)element}.", nameof(element));
        if (rows < 0 || cols < 0 || (long)rows * cols * (int)element != bytes)
            throw new ArgumentException($"A {rows}x{cols} {element} payload needs {(long)rows * cols * (int)element} bytes, not {bytes}.", "bytes");
    }
}
