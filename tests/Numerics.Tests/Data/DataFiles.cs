using System.Buffers.Binary;
using System.IO.Compression;

namespace Idl.Numerics.Tests.Data;

/// <summary>A temporary folder for generated data files, deleted on dispose, so no test depends on outside data.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "idl-data-" + Guid.NewGuid().ToString("N"));

    public string WriteText(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public string WriteBytes(string name, byte[] bytes, bool gzip = false)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, gzip ? Idx.Gzip(bytes) : bytes);
        return file;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { } // a leftover temp folder must not fail a test
    }
}

/// <summary>Builds IDX files byte by byte (big-endian header, then unsigned-byte payload).</summary>
internal static class Idx
{
    public static byte[] Images(int n, int rows, int cols, int seed, int magic = 0x00000803)
    {
        var rng = new Random(seed);
        var bytes = new byte[16 + n * rows * cols];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), n);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), cols);
        rng.NextBytes(bytes.AsSpan(16));
        return bytes;
    }

    public static byte[] Labels(int n, int seed, int classes = 10, int magic = 0x00000801)
    {
        var rng = new Random(seed);
        var bytes = new byte[8 + n];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), n);
        for (int i = 0; i < n; i++) bytes[8 + i] = (byte)rng.Next(classes);
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest)) gz.Write(bytes);
        return output.ToArray();
    }
}
