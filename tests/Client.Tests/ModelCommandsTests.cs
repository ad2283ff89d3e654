namespace Idl.Client.Tests;

public sealed class ModelCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("idl-cli-").FullName;
    private readonly string _model;

    public ModelCommandsTests()
    {
        _model = Path.Combine(_dir, "m.idl");
        var run = CliRun.Of("train", "--hidden", "12", "--epochs", "2", "--out", _model);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Evaluate_SavedModel_ReproducesTrainingAccuracy()
    {
        var run = CliRun.Of("evaluate", "--model", _model, "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var o = run.JsonLines()[0];
        Assert.Equal(1797, (int)o["samples"]!);
        Assert.True((double)o["accuracy"]! > 0.8);
    }

    [Fact]
    public void Info_SavedModel_ReportsWellPosedWithCertifiedInterval()
    {
        var o = CliRun.Of("info", "--model", _model, "--json").JsonLines()[0];
        Assert.Equal("WellPosed", (string)o["verdict"]!);
        double lower = (double)o["lambda_pf_lower"]!, upper = (double)o["lambda_pf_upper"]!, norm = (double)o["inf_norm_A"]!;
        Assert.True(lower <= upper && upper <= norm + 1e-9);
        Assert.Equal(12, (int)o["n"]!);
    }

    [Fact]
    public void Predict_SavedModel_OneLinePerSample()
    {
        var run = CliRun.Of("predict", "--model", _model);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,prediction", lines[0]);
        Assert.Equal(1798, lines.Length);
    }

    [Fact]
    public void Info_TruncatedModel_ExitsModelError()
    {
        string bad = Path.Combine(_dir, "bad.idl");
        File.WriteAllBytes(bad, File.ReadAllBytes(_model)[..200]);
        var run = CliRun.Of("info", "--model", bad);
        Assert.Equal(ExitCodes.ModelError, run.ExitCode);
        Assert.Contains("bad.idl", run.Stderr);
    }

    [Fact]
    public void Evaluate_MissingModel_ExitsModelError()
    {
        var run = CliRun.Of("evaluate", "--model", Path.Combine(_dir, "none.idl"));
        Assert.Equal(ExitCodes.ModelError, run.ExitCode);
    }

    [Fact]
    public void Evaluate_WrongFeatureCount_ExitsModelError()
    {
        var run = CliRun.Of("evaluate", "--model", _model, "--data", "synthetic:sine");
        Assert.Equal(ExitCodes.ModelError, run.ExitCode);
        Assert.Contains("features", run.Stderr);
    }

    [Fact]
    public void Datasets_Json_ListsDigits()
    {
        var run = CliRun.Of("datasets", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(run.JsonLines(), o => (string)o["name"]! == "digits");
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("predict")]
    [InlineData("info")]
    public void ModelCommand_WithoutModel_ExitsUsageErrorNamingOption(string command)
    {
        var run = CliRun.Of(command);
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--model", run.Stderr);
    }

    [Fact]
    public void Predict_Json_GivesClassAndScoresPerSample()
    {
        var run = CliRun.Of("predict", "--model", _model, "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.JsonLines();
        Assert.Equal(1797, lines.Length);
        Assert.Equal(10, lines[0]["scores"]!.AsArray().Count);
        Assert.InRange((int)lines[5]["prediction"]!, 0, 9);
    }

    [Fact]
    public void Evaluate_BadPart_ExitsUsageError()
    {
        var run = CliRun.Of("evaluate", "--model", _model, "--part", "validation");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--part validation", run.Stderr);
    }
}
