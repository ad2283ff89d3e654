using System.Buffers.Binary;
using System.IO.Compression;

namespace Idl.Numerics.Data;

/// <summary>
/// A forward-only reader over an IDX file, raw or gzip (detected by the magic bytes 1f 8b), that tracks the
/// byte offset in the decompressed content so every error can say where it happened.
/// </summary>
internal sealed class IdxStream : IDisposable
{
    private readonly FileStream _file;
    private readonly Stream _stream;

    private IdxStream(string path, FileStream file, Stream stream, bool gzip)
    {
        Path = path;
        _file = file;
        _stream = stream;
        IsGzip = gzip;
    }

    public string Path { get; }

    public bool IsGzip { get; }

    /// <summary>Offset in the decompressed content of the next byte to be read.</summary>
    public long Offset { get; private set; }

    /// <summary>Length of the raw file (meaningful as a content length only when not gzip).</summary>
    public long FileLength => _file.Length;

    public static IdxStream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        int got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        bool gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        return new IdxStream(path, file, gzip ? new GZipStream(file, CompressionMode.Decompress) : file, gzip);
    }

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes or throws a truncation error naming <paramref name="what"/>.</summary>
    public void ReadExactly(Span<byte> buffer, string what)
    {
        int got;
        try
        {
            got = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw DataFormatException.AtOffset(Path, Offset, $"corrupt gzip data while reading {what}: {e.Message}");
        }
        if (got < buffer.Length)
            throw DataFormatException.AtOffset(Path, Offset + got, Dataset.Invariant(
                $"file is truncated: reading {what} needed {buffer.Length} bytes but only {got} remain."));
        Offset += got;
    }

    public int ReadBigEndianInt32(string what)
    {
        Span<byte> b = stackalloc byte[4];
        ReadExactly(b, what);
        return BinaryPrimitives.ReadInt32BigEndian(b);
    }

    /// <summary>Moves forward <paramref name="count"/> bytes: a seek for raw files, a decompress-and-discard for gzip.</summary>
    public void Skip(long count, string what)
    {
        if (count == 0) return;
        if (!IsGzip)
        {
            if (Offset + count > _file.Length)
                throw DataFormatException.AtOffset(Path, _file.Length, Dataset.Invariant(
                    $"file is truncated: skipping {what} needs {Offset + count} bytes but the file has {_file.Length}."));
            _file.Seek(count, SeekOrigin.Current);
            Offset += count;
            return;
        }
        var buffer = new byte[(int)Math.Min(count, 1 << 16)];
        while (count > 0)
        {
            int n = (int)Math.Min(count, buffer.Length);
            ReadExactly(buffer.AsSpan(0, n), what);
            count -= n;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _file.Dispose();
    }
}
