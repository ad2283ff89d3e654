using System.Security.Cryptography;
using System.Text;
using Idl.Numerics.Serialization;

namespace Idl.Numerics.Tests.Serialization;

public sealed class ModelFileChecksumTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("idl-checksum-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly ModelMetadata Meta = new()
    {
        Task = "classification", Classes = 3, Kappa = 0.9, InputMean = [1, 2], InputStd = [3, 4], ClassNames = ["cat", "dog", "eel"],
    };

    private string Saved()
    {
        string path = Path.Combine(_dir, "m.idl");
        ModelFile.Save(path, TestSupport.Models.Random<float>(4, 2, 3, seed: 3, bias: true), Meta);
        return path;
    }

    // Each edit keeps the header's length, as a hand edit of one value would. Inside the header the metadata is a
    // JSON string, so its quotes appear as \u0022.
    [Theory]
    [InlineData("\\u0022relu\\u0022", "\\u0022tanh\\u0022")]
    [InlineData("\\u0022Kappa\\u0022:0.9", "\\u0022Kappa\\u0022:0.8")]
    [InlineData("\\u0022InputStd\\u0022:[3,4]", "\\u0022InputStd\\u0022:[3,5]")]
    [InlineData("\\u0022Classes\\u0022:3", "\\u0022Classes\\u0022:4")]
    [InlineData("\\u0022dog\\u0022", "\\u0022cow\\u0022")]
    [InlineData("\"shape\":[4,2]", "\"shape\":[2,4]")]
    public void Load_EditedHeaderValue_FailsChecksum(string from, string to)
    {
        string path = Saved();
        string text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(ReplaceOnce(text, from, to)));
        var ex = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains("checksum", ex.Message);
    }

    [Fact]
    public void Load_CurrentVersion_IsHeaderVerifiedWithClassNames()
    {
        var stored = ModelFile.Load(Saved());
        Assert.True(stored.HeaderVerified);
        Assert.Equal(ModelFile.DenseVersion, stored.Version);
        Assert.Equal(["cat", "dog", "eel"], stored.Metadata.ClassNames);
    }

    [Fact]
    public void Load_Version1File_LoadsFlaggedUnverified()
    {
        string path = Saved();
        var current = ModelFile.Load(path).Model<float>();
        File.WriteAllBytes(path, AsVersion1(File.ReadAllBytes(path)));
        var stored = ModelFile.Load(path);
        Assert.False(stored.HeaderVerified);
        Assert.Equal(1, stored.Version);
        Assert.Equal(current.A.Data, stored.Model<float>().A.Data);
    }

    [Fact]
    public void Load_Version1FileWithDamagedTensors_StillFailsChecksum()
    {
        string path = Saved();
        var bytes = AsVersion1(File.ReadAllBytes(path));
        bytes[^2] ^= 0x10;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("checksum", Assert.Throws<ModelFormatException>(() => ModelFile.Load(path)).Message);
    }

    // A version-1 file: the same layout with the digest over the tensor bytes only.
    private static byte[] AsVersion1(byte[] bytes)
    {
        int headerLength = (int)BitConverter.ToUInt64(bytes, 0);
        string header = Encoding.UTF8.GetString(bytes, 8, headerLength);
        string digest = header.Split("\"sha256\":\"")[1][..64];
        string payloadDigest = Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(8 + headerLength)));
        header = ReplaceOnce(ReplaceOnce(header, "\"version\":\"2\"", "\"version\":\"1\""), digest, payloadDigest);
        var result = (byte[])bytes.Clone();
        Encoding.UTF8.GetBytes(header).CopyTo(result, 8);
        return result;
    }

    private static string ReplaceOnce(string text, string from, string to)
    {
        int at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found");
        return text[..at] + to + text[(at + from.Length)..];
    }
}
