using System.Security.Cryptography;
using System.Text;

namespace Idl.Numerics.Serialization;

/// <summary>
/// The whole-file SHA-256 of format version 2: over the 8 length bytes, the header and the tensor bytes, with the
/// digest's own 64 hex characters in the header read as '0's (a digest cannot cover itself).
/// </summary>
internal static class FileChecksum
{
    public static string Compute(ReadOnlySpan<byte> length, ReadOnlySpan<byte> headerWithPlaceholder, ReadOnlySpan<byte> payload)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(length);
        sha.AppendData(headerWithPlaceholder);
        sha.AppendData(payload);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Where the value of the <c>"sha256":"…"</c> entry starts in the header, if it appears exactly once.</summary>
    public static int? DigestOffset(ReadOnlySpan<byte> header, string digest)
    {
        byte[] entry = Encoding.ASCII.GetBytes("\"sha256\":\"" + digest + "\"");
        int first = header.IndexOf(entry);
        if (first < 0 || header[(first + 1)..].IndexOf(entry) >= 0) return null;
        return first + "\"sha256\":\"".Length;
    }
}
