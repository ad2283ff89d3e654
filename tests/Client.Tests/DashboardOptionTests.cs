namespace Idl.Client.Tests;

/// <summary><c>--dashboard</c> on the embedded silo: the URL is printed, and misuse is a usage error naming the option.</summary>
public sealed class DashboardOptionTests
{
    [Fact]
    public void Train_ShardsWithDashboard_PrintsTheLoopbackUrl()
    {
        var run = CliRun.Of("train", "--data", "digits", "--hidden", "8", "--epochs", "1", "--limit", "128", "--shards", "1", "--dashboard");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Matches(@"dashboard: http://127\.0\.0\.1:\d+/", run.Stderr);
    }

    [Theory]
    [InlineData("train|--dashboard", "--dashboard is served by the embedded silo")]
    [InlineData("sweep|--dashboard|--cluster|127.0.0.1:1", "--dashboard 127.0.0.1:1: is served by the embedded silo only")]
    [InlineData("sweep|--dashboard|--dashboard-port|70000", "--dashboard-port 70000 is out of range")]
    public void Dashboard_Misused_UsageError(string args, string message)
    {
        var run = CliRun.Of(args.Split('|'));

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }
}
