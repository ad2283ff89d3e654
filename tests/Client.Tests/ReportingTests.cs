using Idl.Numerics.Serialization;
using Idl.Numerics.WellPosedness;

namespace Idl.Client.Tests;

/// <summary>What a newcomer reads (issue 8): tables instead of record dumps, intervals that still contain the value
/// they certify, a triangular model described as such, and the BCD read-out labelled instead of a repeated epoch.</summary>
public sealed class ReportingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("idl-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Datasets_Text_PrintsATableWithoutRecordDumps()
    {
        var run = CliRun.Of("datasets");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.StartsWith("data ", lines[0]);
        Assert.Contains("description", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("digits ", StringComparison.Ordinal) && l.Contains("classification"));
        Assert.DoesNotContain("DatasetInfo", run.Stdout);
        Assert.DoesNotContain("{", run.Stdout);
    }

    [Fact]
    public void Datasets_Json_GivesEveryFieldOnce()
    {
        var o = CliRun.Of("datasets", "--json").JsonLines().Single(l => (string)l["name"]! == "digits");
        Assert.Equal("classification", (string)o["task"]!);
        Assert.Equal(10, (int)o["outputs"]!);
        Assert.Equal(64, (int)o["features"]!);
        Assert.False(string.IsNullOrEmpty((string?)o["licence"]));
    }

    [Fact]
    public void Info_SavedModel_PrintsAnIntervalRoundedOutward()
    {
        string model = Train("m.idl", "--hidden", "12", "--activation", "sigmoid");
        var o = CliRun.Of("info", "--model", model, "--json").JsonLines()[0];
        var stored = ModelFile.Load(model).Model<double>();
        var exact = WellPosednessReport.Analyze(stored.A, stored.Activation).PerronFrobenius;
        Assert.True((double)o["lambda_pf_lower"]! <= exact.Lower, $"printed lower {o["lambda_pf_lower"]} > certified {exact.Lower:R}");
        Assert.True((double)o["lambda_pf_upper"]! >= exact.Upper, $"printed upper {o["lambda_pf_upper"]} < certified {exact.Upper:R}");
        Assert.Equal("N(A, gamma)", (string)o["lambda_pf_of"]!);
        var text = CliRun.Of("info", "--model", model);
        Assert.Contains("lambda_PF(N(A, gamma))", text.Stdout);
        Assert.DoesNotContain("lambda_PF(|A|)", text.Stdout);
    }

    [Fact]
    public void InfoAndTrain_FeedForwardModel_SayTheModelIsTriangularAndSolvedExactly()
    {
        string model = Path.Combine(_dir, "ff.idl");
        var train = CliRun.Of("train", "--hidden", "12", "--feedforward", "3", "--epochs", "1", "--limit", "300", "--out", model, "--json");
        Assert.True(train.ExitCode == 0, train.Stderr);
        Assert.Contains("triangular A, solved exactly", train.Stderr);
        Assert.DoesNotContain("iterations 0.0", train.Stderr);
        Assert.Null(train.JsonLines()[^1]["kappa"]);
        var info = CliRun.Of("info", "--model", model);
        Assert.Contains("strictly (block) triangular", info.Stdout);
    }

    [Fact]
    public void Train_BlockCoordinate_LabelsTheReadoutInsteadOfRepeatingAnEpoch()
    {
        var run = CliRun.Of("train", "--trainer", "bcd", "--hidden", "10", "--epochs", "2", "--limit", "300", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var epochs = run.JsonLines().Where(l => l["final"] is null).ToArray();
        var readouts = epochs.Where(l => (string?)l["phase"] == "readout").ToArray();
        Assert.Single(readouts);
        Assert.Equal(2, (int)readouts[0]["epoch"]!);
        var gradientEpochs = epochs.Except(readouts).Select(l => (int)l["epoch"]!).ToArray();
        Assert.Equal([1, 2], gradientEpochs);
        Assert.Contains("read-out (least squares)", run.Stderr);
    }

    private string Train(string name, params string[] options)
    {
        string path = Path.Combine(_dir, name);
        var run = CliRun.Of(["train", "--epochs", "1", "--limit", "300", "--out", path, .. options]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return path;
    }
}
