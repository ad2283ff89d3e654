using System.Diagnostics;
using System.Text.Json.Nodes;
using Idl.Numerics.Activations;
using Idl.Numerics.Composition;
using Idl.Numerics.Models;
using Idl.Numerics.Serialization;
using Idl.Numerics.Solvers;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Serialization;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("idl-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly ModelMetadata Meta = new()
    {
        Task = "classification", Classes = 3, Kappa = 0.9, InputMean = [1, 2], InputStd = [3, 4],
        Provenance = new() { ["data"] = "digits" },
    };

    [Fact]
    public void SaveLoad_Float32_RoundTripsBitForBit()
    {
        var model = TestSupport.Models.Random<float>(6, 2, 3, seed: 1, bias: true);
        string path = Path.Combine(_dir, "m.idl");
        ModelFile.Save(path, model, Meta);
        var stored = ModelFile.Load(path);
        Assert.Equal(Precision.Float32, stored.Precision);
        var back = stored.Model<float>();
        Assert.Equal(model.A.Data, back.A.Data);
        Assert.Equal(model.B.Data, back.B.Data);
        Assert.Equal(model.C.Data, back.C.Data);
        Assert.Equal(model.D.Data, back.D.Data);
        Assert.Equal(model.StateBias, back.StateBias);
        Assert.Equal(model.OutputBias, back.OutputBias);
        Assert.Equal(new double[] { 3, 4 }, stored.Metadata.InputStd);
        Assert.Equal("digits", stored.Metadata.Provenance["data"]);
    }

    [Fact]
    public void SaveLoad_BlockwiseActivation_KeepsSegments()
    {
        var net = FeedForwardNetwork<double>.Random(3, [4, 6], 2, new BlockSoftmax(2), seed: 2);
        var model = ModelComposition.Cascade(net.ToImplicit(), TestSupport.Models.Random<double>(5, 2, 2, seed: 3, TestSupport.Models.Map("tanh", 5)));
        string path = Path.Combine(_dir, "m.idl");
        ModelFile.Save(path, model, Meta);
        var back = ModelFile.Load(path).Model<double>();
        Assert.Equal(model.Activation.ToString(), back.Activation.ToString());
        var u = Rand.Matrix<double>(3, 4, seed: 4);
        var solver = new PicardSolver();
        Tol.Close(model.Predict(u, solver).Output, back.Predict(u, solver).Output, 0);
    }

    [Fact]
    public void Load_FlippedDataByte_FailsChecksum()
    {
        string path = Path.Combine(_dir, "m.idl");
        ModelFile.Save(path, TestSupport.Models.Random<double>(4, 2, 2, seed: 5), Meta);
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains("checksum", ex.Message);
    }

    [Fact]
    public void Load_NewerVersion_FailsNamingVersion()
    {
        string path = Path.Combine(_dir, "m.idl");
        ModelFile.Save(path, TestSupport.Models.Random<double>(4, 2, 2, seed: 6), Meta);
        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        int at = text.IndexOf("\"version\":\"2\"", StringComparison.Ordinal);
        bytes[at + "\"version\":\"".Length] = (byte)'7';
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains("version 7 is newer", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(40)]
    public void Load_Truncated_FailsClearly(int keep)
    {
        string path = Path.Combine(_dir, "m.idl");
        ModelFile.Save(path, TestSupport.Models.Random<double>(4, 2, 2, seed: 7), Meta);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..keep]);
        var ex = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains("m.idl", ex.Message);
    }

    [Fact]
    public void Load_OtherJsonFile_FailsNamingFormat()
    {
        string path = Path.Combine(_dir, "x.idl");
        var header = System.Text.Encoding.UTF8.GetBytes("{\"__metadata__\":{\"format\":\"pt\"}}");
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((ulong)header.Length), .. header]);
        var ex = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
        Assert.Contains("idl-model", ex.Message);
    }

    [Fact]
    public void Save_ExistingFile_ReplacedAtomicallyWithoutTemporaries()
    {
        string path = Path.Combine(_dir, "m.idl");
        ModelFile.Save(path, TestSupport.Models.Random<double>(4, 2, 2, seed: 8), Meta);
        ModelFile.Save(path, TestSupport.Models.Random<double>(5, 2, 2, seed: 9), Meta);
        Assert.Equal(5, ModelFile.Load(path).Model<double>().StateSize);
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void PythonNumpyReader_SavedModel_ReadsSameTensorsAndPredictions()
    {
        var model = TestSupport.Models.Random<float>(7, 3, 2, seed: 10, bias: true);
        string path = Path.Combine(_dir, "m.idl");
        ModelFile.Save(path, model, Meta);
        string script = Path.Combine(AppContext.BaseDirectory, "read_idl_model.py");
        var psi = new ProcessStartInfo("/usr/bin/python3", [script, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "python did not finish");
        Assert.True(process.ExitCode == 0, $"python failed (needs Debian's python3-numpy): {stderr}");
        var o = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal("float32", (string)o["dtype"]!);
        Assert.Equal(7, (int)o["shapes"]!["A"]![0]!);
        Tol.Close(model.A.Data.Sum(v => (double)v), (double)o["sums"]!["A"]!, 1e-5, "sum of A");
        var u = new Matrix<double>(3, 3);
        var grid = Enumerable.Range(0, 9).Select(i => -1 + 2.0 * i / 8).ToArray();
        for (int i = 0; i < 9; i++) u.Data[i] = grid[i];
        var expected = model.Convert<double>().Predict(u, new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-13 })).Output;
        var rows = o["prediction"]!.AsArray();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                Tol.Close(expected[i, j], (double)rows[i]![j]!, 1e-9, $"prediction[{i},{j}]");
    }
}
