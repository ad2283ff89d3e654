using System.Globalization;

namespace Idl.Client.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("idl-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Train_DigitsJson_PrintsOneObjectPerEpochAndSummary()
    {
        var run = CliRun.Of("train", "--data", "digits", "--hidden", "16", "--epochs", "2", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.JsonLines();
        Assert.Equal(3, lines.Length);
        foreach (var field in new[] { "epoch", "train_loss", "test_loss", "test_accuracy", "samples_per_second", "forward_iterations_mean", "backward_iterations_mean", "inf_norm_A" })
            Assert.True(lines[0].ContainsKey(field), $"missing {field}");
        Assert.True((bool)lines[2]["final"]!);
        Assert.True((double)lines[2]["test_accuracy"]! > 0.8);
        Assert.True((double)lines[1]["inf_norm_A"]! <= 0.95 + 1e-6);
        Assert.Contains("epoch 2/2", run.Stderr);
    }

    [Fact]
    public void Train_TwoThreads_SameLossAndAccuracyAsOneThread()
    {
        // Hidden 64 and batch 256 make the forward and gradient products large enough to be split over two threads;
        // a split changes which thread sums an element, never the order, so the runs agree to the last digit.
        string[] Args(string threads) => ["train", "--data", "digits", "--hidden", "64", "--batch", "256", "--epochs", "1", "--threads", threads, "--json"];
        var one = CliRun.Of(Args("1"));
        var two = CliRun.Of(Args("2"));
        Assert.Equal(ExitCodes.Success, one.ExitCode);
        Assert.Equal(ExitCodes.Success, two.ExitCode);
        foreach (var field in new[] { "train_loss", "test_loss", "test_accuracy", "inf_norm_A" })
            Assert.Equal((double)one.JsonLines()[0][field]!, (double)two.JsonLines()[0][field]!);
    }

    [Fact]
    public void Train_ZeroThreads_IsAUsageErrorNamingTheOption()
    {
        var run = CliRun.Of("train", "--data", "digits", "--threads", "0");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--threads", run.Stderr);
    }

    [Fact]
    public void Train_SineBcd_ReportsRmse()
    {
        var run = CliRun.Of("train", "--data", "synthetic:sine", "--hidden", "20", "--kappa", "0.5", "--trainer", "bcd", "--epochs", "3", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var final = run.JsonLines()[^1];
        Assert.True((double)final["test_rmse"]! < 5);
        Assert.True((double)final["inf_norm_A"]! <= 0.5 + 1e-6);
    }

    [Fact]
    public void Train_CsvRegression_UsesNamedTarget()
    {
        string csv = Path.Combine(_dir, "data.csv");
        var rng = new Random(1);
        var rows = Enumerable.Range(0, 120).Select(_ =>
        {
            double a = rng.NextDouble(), b = rng.NextDouble();
            // Targets in the thousands: trained on standardised targets, reported in their own units.
            return string.Create(CultureInfo.InvariantCulture, $"{a},{50_000 + 10_000 * (2 * a - b)},{b}");
        });
        File.WriteAllLines(csv, ["a,y,b", .. rows]);
        var run = CliRun.Of("train", "--data", "csv:" + csv, "--target", "y", "--task", "regression", "--hidden", "8", "--epochs", "30", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        double rmse = (double)run.JsonLines()[^1]["test_rmse"]!;
        // The targets' standard deviation is about 6,500; a fit in original units lands far below it and far above 1.
        Assert.InRange(rmse, 1.0, 2_000);
    }

    [Fact]
    public void Train_FeedForwardBaseline_IsStrictlyTriangular()
    {
        string model = Path.Combine(_dir, "ff.idl");
        var run = CliRun.Of("train", "--hidden", "30", "--feedforward", "3", "--epochs", "2", "--out", model, "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var info = CliRun.Of("info", "--model", model, "--json").JsonLines()[0];
        Assert.True((bool)info["strictly_triangular"]!);
        Assert.Equal("WellPosed", (string)info["verdict"]!);
    }

    [Theory]
    [InlineData("--kappa", "1.5", "--kappa")]
    [InlineData("--kappa", "0", "--kappa")]
    [InlineData("--hidden", "0", "--hidden 0")]
    [InlineData("--epochs", "0", "--epochs")]
    [InlineData("--batch", "-3", "--batch")]
    [InlineData("--lr", "-1", "--lr")]
    [InlineData("--optimizer", "rmsprop", "--optimizer rmsprop")]
    [InlineData("--activation", "swish", "--activation swish")]
    [InlineData("--precision", "float16", "--precision float16")]
    [InlineData("--task", "ranking", "--task ranking")]
    public void Train_InvalidValue_ExitsUsageErrorNamingOption(string option, string value, string expected)
    {
        var run = CliRun.Of("train", option, value, "--epochs", option == "--epochs" ? value : "1");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Train_UnknownOption_ExitsUsageError()
    {
        var run = CliRun.Of("train", "--bogus");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--bogus", run.Stderr);
    }

    [Fact]
    public void Train_MissingCsv_ExitsDataErrorNamingFile()
    {
        var run = CliRun.Of("train", "--data", "csv:" + Path.Combine(_dir, "missing.csv"));
        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Contains("missing.csv", run.Stderr);
    }

    [Fact]
    public void Train_CsvWithNaN_ExitsDataErrorNamingLine()
    {
        string csv = Path.Combine(_dir, "nan.csv");
        File.WriteAllLines(csv, ["1,2,0", "3,NaN,1", "5,6,0"]);
        var run = CliRun.Of("train", "--data", "csv:" + csv);
        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Contains("nan.csv", run.Stderr);
        Assert.Contains("line 2", run.Stderr);
    }

    [Fact]
    public void Train_UnknownDataScheme_ListsAcceptedForms()
    {
        var run = CliRun.Of("train", "--data", "imagenet:/x");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("mnist:<folder>", run.Stderr);
    }

    [Fact]
    public void Train_OutToMissingFolder_FailsWithoutPartialFile()
    {
        string path = Path.Combine(_dir, "no-such-dir", "m.idl");
        var run = CliRun.Of("train", "--hidden", "4", "--epochs", "1", "--out", path);
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--out", run.Stderr);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }
}
