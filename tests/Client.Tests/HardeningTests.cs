using System.Security.Cryptography;
using System.Text;
using Idl.Client.Commands;
using Idl.Client.Output;
using Idl.Numerics.Data;

namespace Idl.Client.Tests;

/// <summary>The end-to-end cases of issue 11 that need training or a model file, and the pieces behind them.</summary>
public sealed class HardeningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("idl-hard-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string TextLabelCsv()
    {
        string path = Path.Combine(_dir, "soil.csv");
        var names = new[] { "grey soil", "red soil", "cotton" };
        var rows = Enumerable.Range(0, 90).Select(i => FormattableString.Invariant($"{i % 3 * 2 + (i % 7) * 0.1},{(i % 3 == 1 ? 1.5 : -0.5) + (i % 5) * 0.05},{names[i % 3]}"));
        File.WriteAllLines(path, ["a,b,soil", .. rows]);
        return path;
    }

    [Fact]
    public void Train_TextLabels_PredictPrintsNamesAndEvaluateCountsByName()
    {
        string csv = TextLabelCsv(), model = Path.Combine(_dir, "soil.idl");
        var train = CliRun.Of("train", "--data", "csv:" + csv, "--hidden", "8", "--epochs", "5", "--lr", "0.05", "--out", model);
        Assert.True(train.ExitCode == 0, train.Stderr);
        var info = CliRun.Of("info", "--model", model, "--json").JsonLines()[0];
        Assert.Equal(["cotton", "grey soil", "red soil"], info["class_names"]!.AsArray().Select(n => (string)n!));
        Assert.True((bool)info["header_verified"]!);

        var predict = CliRun.Of("predict", "--model", model, "--data", "csv:" + csv);
        Assert.True(predict.ExitCode == 0, predict.Stderr);
        var predictions = predict.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',', 2)[1]).ToArray();
        Assert.Equal(90, predictions.Length);
        Assert.All(predictions, p => Assert.Contains(p, new[] { "cotton", "grey soil", "red soil" }));

        var evaluate = CliRun.Of("evaluate", "--model", model, "--data", "csv:" + csv, "--json").JsonLines()[0];
        var confusion = evaluate["confusion"]!.AsObject();
        Assert.Equal(["cotton", "grey soil", "red soil"], confusion.Select(kv => kv.Key).Order(StringComparer.Ordinal));
        long total = confusion.Sum(row => row.Value!.AsObject().Sum(cell => (long)cell.Value!));
        Assert.Equal(90, total);
        long correct = confusion.Sum(row => (long)row.Value![row.Key]!);
        Assert.Equal((double)evaluate["accuracy"]!, correct / 90.0, 6);
    }

    [Fact]
    public void Evaluate_FileWithSomeClassesOnly_ScoresAgainstTheModelsClasses()
    {
        string csv = TextLabelCsv(), model = Path.Combine(_dir, "soil.idl"), part = Path.Combine(_dir, "red.csv");
        Assert.Equal(0, CliRun.Of("train", "--data", "csv:" + csv, "--hidden", "8", "--epochs", "5", "--lr", "0.05", "--out", model).ExitCode);
        File.WriteAllLines(part, File.ReadAllLines(csv).Where((l, i) => i == 0 || l.EndsWith("red soil", StringComparison.Ordinal)));
        var confusion = CliRun.Of("evaluate", "--model", model, "--data", "csv:" + part, "--json").JsonLines()[0]["confusion"]!.AsObject();
        Assert.Equal(30, confusion["red soil"]!.AsObject().Sum(cell => (long)cell.Value!));
        Assert.Equal(0, confusion["cotton"]!.AsObject().Sum(cell => (long)cell.Value!));
    }

    [Fact]
    public void Train_HugeLearningRate_ExitsDivergedWithoutModel()
    {
        string model = Path.Combine(_dir, "d.idl");
        var run = CliRun.Of("train", "--lr", "1e300", "--hidden", "8", "--epochs", "1", "--limit", "256", "--out", model);
        Assert.Equal(ExitCodes.Diverged, run.ExitCode);
        Assert.Contains("diverged at epoch 1, step 1", run.Stderr);
        Assert.Contains("smaller --lr", run.Stderr);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void Train_MaxIterOne_WarnsAndEvaluateExplainsExit5()
    {
        string model = Path.Combine(_dir, "m.idl");
        var train = CliRun.Of("train", "--max-iter", "1", "--hidden", "8", "--epochs", "1", "--limit", "256", "--out", model);
        Assert.Equal(ExitCodes.Success, train.ExitCode);
        Assert.Contains("equilibrium solves stopped at --max-iter 1", train.Stderr);
        var evaluate = CliRun.Of("evaluate", "--model", model);
        Assert.Equal(ExitCodes.NotConverged, evaluate.ExitCode);
        Assert.Contains("did not converge", evaluate.Stderr);
        Assert.Contains("exit code is 5", evaluate.Stderr);
    }

    [Fact]
    public void Info_Version1Model_FlagsHeaderUnverified()
    {
        string model = Path.Combine(_dir, "m.idl");
        Assert.Equal(0, CliRun.Of("train", "--hidden", "4", "--epochs", "1", "--limit", "128", "--out", model).ExitCode);
        File.WriteAllBytes(model, AsVersion1(File.ReadAllBytes(model)));
        var json = CliRun.Of("info", "--model", model, "--json").JsonLines()[0];
        Assert.Equal(1, (int)json["format_version"]!);
        Assert.False((bool)json["header_verified"]!);
        Assert.Contains("unverified", CliRun.Of("info", "--model", model).Stdout);
    }

    [Fact]
    public void Check_ClassOnlyInTestSplit_WarnsNamingIt()
    {
        var train = Dataset.ForClassification("t", [0, 1, 2, 3], 1, [0, 1, 0, 1], 3);
        var test = Dataset.ForClassification("t", [0, 1], 1, [2, 1], 3);
        var stderr = new StringWriter();
        ClassCoverage.Check(train, test, "csv:x.csv", new CliOutput(TextWriter.Null, stderr, json: false));
        Assert.Contains("class 2 appears in the test split but not in the training split", stderr.ToString());
    }

    [Fact]
    public void Classify_UnvalidatedArgumentException_IsInternalNotUsage()
    {
        Assert.Equal(ExitCodes.InternalError, Cli.Classify(new ArgumentException("shape bug", "m")).Code);
        Assert.Equal(ExitCodes.InternalError, Cli.Classify(new ArgumentOutOfRangeException("k")).Code);
        Assert.Equal(ExitCodes.UsageError, Cli.Classify(UsageException.For("--lr", 1, "bad")).Code);
        Assert.Equal(ExitCodes.Diverged, Cli.Classify(new Idl.Numerics.Training.TrainingDivergedException(1, 2, "x")).Code);
    }

    [Fact]
    public void Classify_CompressedModelTooLargeToDensify_IsAModelErrorThatSaysWhy()
    {
        var (code, message) = Cli.Classify(new Idl.Numerics.StateMatrices.DenseStateUnavailableException(Idl.Numerics.StateMatrices.StateMatrixForm.Sparse, 60_000));
        Assert.Equal(ExitCodes.ModelError, code);
        Assert.Contains("stored as CSR with n = 60000", message);
    }

    // The same file as format version 1 wrote it: the digest over the tensor bytes only.
    private static byte[] AsVersion1(byte[] bytes)
    {
        int headerLength = (int)BitConverter.ToUInt64(bytes, 0);
        string header = Encoding.UTF8.GetString(bytes, 8, headerLength);
        string digest = header.Split("\"sha256\":\"")[1][..64];
        header = header.Replace("\"version\":\"2\"", "\"version\":\"1\"", StringComparison.Ordinal)
            .Replace(digest, Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(8 + headerLength))), StringComparison.Ordinal);
        var result = (byte[])bytes.Clone();
        Encoding.UTF8.GetBytes(header).CopyTo(result, 8);
        return result;
    }
}
