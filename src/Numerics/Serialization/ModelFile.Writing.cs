using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Idl.Numerics.Serialization;

public static partial class ModelFile
{
    /// <summary>
    /// Lays the tensors out in order, fills the whole-file SHA-256 into the header's placeholder, and writes to a
    /// temporary file beside <paramref name="path"/> that is then renamed over it (a crash never leaves half a model).
    /// </summary>
    private static void Write(string path, List<TensorBytes> tensors, Dictionary<string, string> meta)
    {
        var body = new MemoryStream();
        var header = new Dictionary<string, object>();
        foreach (var t in tensors)
        {
            long start = body.Length;
            body.Write(t.Bytes);
            header[t.Name] = new { dtype = t.Dtype, shape = t.Shape, data_offsets = new[] { start, body.Length } };
        }
        byte[] payload = body.ToArray();
        header["__metadata__"] = meta;
        byte[] headerBytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header, Json));
        byte[] lengthBytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(lengthBytes, (ulong)headerBytes.Length);
        int at = FileChecksum.DigestOffset(headerBytes, Placeholder) ?? throw new InvalidOperationException("The header lost its checksum placeholder.");
        Encoding.ASCII.GetBytes(FileChecksum.Compute(lengthBytes, headerBytes, payload)).CopyTo(headerBytes, at);

        string full = Path.GetFullPath(path);
        string temp = full + "." + Environment.ProcessId + ".tmp";
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(lengthBytes);
                file.Write(headerBytes);
                file.Write(payload);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
