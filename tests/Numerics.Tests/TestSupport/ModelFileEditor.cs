using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Idl.Numerics.Tests.TestSupport;

/// <summary>
/// Rewrites a model file after an edit of its header or tensor bytes, with a fresh whole-file SHA-256 computed as
/// docs/model-format.md describes: so the reader's own consistency checks, not the checksum, must catch the edit.
/// </summary>
internal static class ModelFileEditor
{
    public static void Edit(string path, Action<JsonObject, byte[]> edit)
    {
        var bytes = File.ReadAllBytes(path);
        int length = (int)BitConverter.ToUInt64(bytes, 0);
        var header = JsonNode.Parse(bytes.AsSpan(8, length))!.AsObject();
        var payload = bytes[(8 + length)..];
        edit(header, payload);
        string zeros = new('0', 64);
        header["__metadata__"]!["sha256"] = zeros;
        var headerBytes = Encoding.UTF8.GetBytes(header.ToJsonString());
        var lengthBytes = BitConverter.GetBytes((ulong)headerBytes.Length);
        string digest = Convert.ToHexStringLower(SHA256.HashData([.. lengthBytes, .. headerBytes, .. payload]));
        var signed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(headerBytes).Replace(zeros, digest, StringComparison.Ordinal));
        File.WriteAllBytes(path, [.. lengthBytes, .. signed, .. payload]);
    }

    /// <summary>Where tensor <paramref name="name"/>'s bytes start in the payload.</summary>
    public static int Start(JsonObject header, string name) => (int)header[name]!["data_offsets"]![0]!;
}
