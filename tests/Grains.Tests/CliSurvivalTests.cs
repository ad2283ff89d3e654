using System.Text.Json.Nodes;
using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;
using Xunit.Abstractions;

namespace Idl.Grains.Tests;

/// <summary>
/// The real <c>idl</c> CLI (a child process, reaching the cluster through its Azure Table with TLS, as a user would)
/// against the collection's silo processes, one of which is SIGKILLed mid-job: the client must say so in a line, keep
/// following and end with exit 0 and the job's true result. Each test first tops the cluster up to three live silos,
/// so that it keeps two after its kill whatever the other tests of the collection killed before it.
/// </summary>
[Collection(ProcessClustersCollection.Name)]
public sealed class CliSurvivalTests(ProcessClusters fixture, ITestOutputHelper log)
{
    // How long the membership may take to declare a SIGKILLed silo dead, or to admit a fresh one.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TrainCluster_SiloHostingTheCoordinatorKilled_CliFollowsAndExitsZeroWithTheRunsFinalMetrics()
    {
        var silos = fixture.Silos;
        await silos.TopUpAsync(3, Settle);
        string runId = Runs.NewId("cli");
        using var cli = IdlCli.Start(fixture.Folder, ["train", "--data", "digits", "--hidden", "8", "--epochs", "2", "--batch", "32", "--limit", "768",
            "--checkpoint-interval", "4", "--run-id", runId, "--json", .. silos.CliArguments()]);
        var run = silos.Client.GetGrain<ITrainingCoordinatorGrain>(runId);
        var before = await Runs.WaitAsync(silos.Client, runId, s => s.Step >= 8 || cli.HasExited, TimeSpan.FromSeconds(120));
        Assert.False(cli.HasExited, "the CLI ended before the kill: " + cli.Output);
        silos.Kill(await run.HostAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        int exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(300));
        log.WriteLine(cli.Output);

        Assert.True(exitCode == 0, $"exit {exitCode}: {cli.Output}");
        var done = await Runs.RetryAsync(() => run.StatusAsync(), TimeSpan.FromSeconds(60));
        Assert.Equal(RunState.Completed, done.State);
        Assert.True(done.Restarts >= 1, $"the coordinator never restarted (step {before.Step} before the kill)");
        var lines = IdlCli.JsonLines(cli);
        // Each epoch printed once, although polls were lost and the coordinator resumed from a checkpoint.
        Assert.Equal([1, 2], lines.Where(l => l["final"] is null).Select(l => (int)l["epoch"]!));
        var final = lines[^1];
        Assert.True((bool)final["final"]!);
        Assert.Equal(runId, (string?)final["run_id"]);
        Assert.Equal(done.Restarts, (int)final["restarts"]!);
        Assert.Equal(done.Epochs.Count, (int)final["epochs"]!);
        AssertRounded(done.Epochs[^1].TrainLoss, final["train_loss"]);
        AssertRounded(done.Epochs[^1].TestAccuracy!.Value, final["test_accuracy"]);
        AssertShortNotices(cli.Output);
    }

    /// <summary>Issue 11: the <c>idl sweep</c> client used to die at the first silo death while the sweep went on.
    /// The silo hosting the sweep grain is killed while a trial trains: the sweep resumes there by its reminder, and
    /// the client prints every trial exactly once and the final table, exit 0.</summary>
    [Fact]
    public async Task SweepCluster_SiloHostingTheSweepKilled_CliFollowsAndPrintsEveryTrialOnce()
    {
        var silos = fixture.Silos;
        await silos.TopUpAsync(3, Settle);
        string sweepId = Runs.NewId("clisweep");
        using var cli = IdlCli.Start(fixture.Folder, ["sweep", "--data", "digits", "--kappa", "0.5,0.9", "--hidden", "8", "--epochs", "2",
            "--batch", "32", "--limit", "768", "--scheduler", "none", "--concurrency", "1", "--checkpoint-interval", "4", "--sweep-id", sweepId,
            "--json", .. silos.CliArguments()]);
        await Runs.WaitAsync(silos.Client, $"{sweepId}-t000", s => s.Step >= 8 || cli.HasExited, TimeSpan.FromSeconds(120));
        Assert.False(cli.HasExited, "the CLI ended before the kill: " + cli.Output);
        var sweep = silos.Client.GetGrain<ISweepGrain>(sweepId);
        string host = await sweep.HostAsync().WaitAsync(TimeSpan.FromSeconds(10));
        silos.Kill(host);

        int exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(300));
        log.WriteLine(cli.Output);

        Assert.True(exitCode == 0, $"exit {exitCode}: {cli.Output}");
        var status = await Runs.RetryAsync(() => sweep.StatusAsync(), TimeSpan.FromSeconds(60));
        Assert.Equal(SweepRunState.Completed, status.State);
        var lines = IdlCli.JsonLines(cli);
        var trials = lines.Where(l => l["final"] is null).ToArray();
        Assert.Equal(["t000", "t001"], trials.Select(l => ((string)l["trial_id"]!)[^4..]).Order());
        Assert.All(trials, t => Assert.Equal("completed", (string?)t["status"]));
        Assert.True((bool)lines[^1]["final"]!);
        Assert.Equal(2, (int)lines[^1]["trials"]!);
        Assert.NotEqual(host, await Runs.RetryAsync(() => sweep.HostAsync(), TimeSpan.FromSeconds(60)));
        AssertShortNotices(cli.Output);
    }

    /// <summary>Issue 9: the distributed LP attack survives a silo kill like a training run. Lost slices are sent
    /// again, so the counts are exactly those of the same attack in one process.</summary>
    [Fact]
    public async Task AttackLpCluster_SiloHostingASliceKilled_CliResendsAndExitsZeroWithTheInProcessCounts()
    {
        var silos = fixture.Silos;
        await silos.TopUpAsync(3, Settle);
        string model = Path.Combine(fixture.Folder, $"lp-{Guid.NewGuid():N}.idl");
        var (trained, train) = await IdlCli.RunAsync(fixture.Folder, TimeSpan.FromSeconds(120),
            "train", "--data", "digits", "--hidden", "64", "--epochs", "2", "--limit", "512", "--out", model);
        using (train) Assert.True(trained == 0, train.Output);
        // n = 64 makes a slice of ten LPs take long enough that the kill lands while slices are in flight.
        string[] attack = ["attack", "--model", model, "--data", "digits", "--method", "lp", "--limit", "120", "--json"];
        var (local, inProcess) = await IdlCli.RunAsync(fixture.Folder, TimeSpan.FromSeconds(300), attack);
        using (inProcess) Assert.True(local == 0, inProcess.Output);
        using var cli = IdlCli.Start(fixture.Folder, [.. attack, "--shards", "3", .. silos.CliArguments()]);
        silos.Kill(await SliceHostAsync(silos.Client, cli, TimeSpan.FromSeconds(120)));

        int exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(300));
        log.WriteLine(cli.Output);

        Assert.True(exitCode == 0, $"exit {exitCode}: {cli.Output}");
        var (expected, actual) = (IdlCli.JsonLines(inProcess).Single(), IdlCli.JsonLines(cli).Single());
        foreach (string count in new[] { "samples", "clean_correct", "flipped", "unsolved", "certified_against_runner_up" })
            Assert.True((int)expected[count]! == (int)actual[count]!, $"{count}: {expected[count]} in one process, {actual[count]} on the cluster");
        Assert.Equal(120, (int)actual["samples"]!);
        AssertShortNotices(cli.Output);
    }

    // The silo of the newest LP-attack activation, seen as soon as the CLI sends its first slices: the slice is still
    // being attacked there when the silo dies.
    private static async Task<string> SliceHostAsync(IClusterClient grains, ChildProcess cli, TimeSpan timeout)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var slices = (await management.GetDetailedGrainStatistics().WaitAsync(TimeSpan.FromSeconds(10)))
                .Where(g => g.GrainId.Type.ToString()!.Contains("lpattack", StringComparison.OrdinalIgnoreCase))
                .Select(g => (Index: int.Parse(g.GrainId.Key.ToString()!.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture), g.SiloAddress))
                .ToArray();
            if (slices.Length > 0) return slices.MaxBy(s => s.Index).SiloAddress.ToString();
            Assert.False(cli.HasExited, "the CLI ended before any slice was seen: " + cli.Output);
            Assert.True(clock.Elapsed < timeout, $"no LP-attack grain activated in {timeout}: {cli.Output}");
            await Task.Delay(20);
        }
    }

    // The CLI prints metrics rounded to 6 decimals (Reports.Round).
    private static void AssertRounded(double expected, JsonNode? printed) => Assert.Equal(Math.Round(expected, 6), (double)printed!, 9);

    // The kill was noticed and said in a line or two on stderr, never as a stack trace.
    private static void AssertShortNotices(string output)
    {
        var notices = output.Split('\n').Where(l => l.Contains("retrying in", StringComparison.Ordinal) || l.Contains("sending it again", StringComparison.Ordinal)).ToArray();
        Assert.True(notices.Length > 0, "no notice of the lost silo: " + output);
        Assert.All(notices, n => Assert.True(n.Length < 400, n));
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
