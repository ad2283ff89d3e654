namespace Idl.Client.Tests;

public sealed class SweepCommandTests
{
    [Fact]
    public void Sweep_TinyGridOnEmbeddedSilo_PrintsOneObjectPerTrialThenTheRankedTableAndCsv()
    {
        string csv = Path.Combine(Path.GetTempPath(), $"idl-sweep-{Guid.NewGuid():N}.csv");
        try
        {
            var run = CliRun.Of("sweep", "--data", "digits", "--kappa", "0.5,0.9", "--hidden", "4,8", "--epochs", "2", "--limit", "96", "--batch", "48",
                "--scheduler", "asha", "--eta", "2", "--seed", "1", "--concurrency", "2", "--csv", csv, "--json");
            Assert.True(run.ExitCode == 0, run.Stderr);
            var lines = run.JsonLines();
            Assert.Equal(5, lines.Length);
            Assert.All(lines[..4], l => Assert.Contains((string)l["status"]!, new[] { "completed", "stopped", "completed_before_stop" }));
            Assert.Equal(4, lines[..4].Select(l => (string)l["trial_id"]!).Distinct().Count());
            var final = lines[4];
            Assert.True((bool)final["final"]!);
            Assert.Equal(4, (int)final["trials"]!);
            Assert.StartsWith("sweep-", (string)final["sweep_id"]!);
            Assert.True((double)final["wall_seconds"]! > 0);
            Assert.True((double)final["sum_trial_seconds"]! > 0);
            var metrics = final["table"]!.AsArray().Select(r => (double)r!["metric"]!).ToArray();
            Assert.Equal(metrics.Order(), metrics);
            Assert.Equal(1, (int)final["table"]![0]!["rank"]!);
            Assert.Equal(5, File.ReadAllLines(csv).Length);
        }
        finally { File.Delete(csv); }
    }

    [Theory]
    [InlineData("--kappa", "0.5,1.5", "1.5")]
    [InlineData("--kappa", "", "--kappa")]
    [InlineData("--hidden", "8,0", "0")]
    [InlineData("--scheduler", "hyperband", "hyperband")]
    [InlineData("--lr", "0.01,abc", "abc")]
    [InlineData("--precision", "half", "half")]
    public void Sweep_BadValue_IsAUsageErrorNamingOptionAndValue(string option, string value, string named)
    {
        var run = CliRun.Of("sweep", option, value, "--json");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(option, run.Stderr);
        Assert.Contains(named, run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Sweep_MissingData_EveryTrialFailsWithTheReasonAndExitsWithDataError()
    {
        var run = CliRun.Of("sweep", "--data", "csv:/nonexistent-idl-sweep.csv", "--hidden", "4", "--epochs", "1", "--json");
        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        var lines = run.JsonLines();
        Assert.Equal("failed", (string)lines[0]["status"]!);
        Assert.Contains("nonexistent-idl-sweep.csv", (string)lines[0]["reason"]!);
        Assert.Contains("every trial", run.Stderr);
    }
}
