using System.Text.Json;
using Idl.Dashboard.Tests.TestSupport;
using Idl.Grains.Contracts;

namespace Idl.Dashboard.Tests;

/// <summary>
/// The dashboard in a real headless browser: refused without the token (it is bound off loopback), the runs list, a
/// finished run's curves, a 2×2 sweep's table, and cancelling a running run from its page. Screenshots go to the test's output folder, or to
/// IDL_DASHBOARD_SCREENSHOTS (docs/img refreshes the README's).
/// </summary>
[Collection(DashboardSiloCollection.Name)]
public sealed class DashboardBrowserTests(DashboardSilo silo)
{
    [Fact]
    public async Task Dashboard_InBrowser_ShowsRunsCurvesSweepTableAndCancels()
    {
        var run = await silo.WaitRunAsync(silo.ShortRun, s => s.IsFinished, TimeSpan.FromSeconds(120));
        var sweep = await silo.WaitSweepAsync(TimeSpan.FromSeconds(180));
        await silo.WaitRunAsync(silo.LongRun, s => s.Step > 0, TimeSpan.FromSeconds(60));
        string shots = Environment.GetEnvironmentVariable("IDL_DASHBOARD_SCREENSHOTS") is { Length: > 0 } s
            ? Path.GetFullPath(s, BrowserScript.RepoRoot()) : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);

        var page = await BrowserScript.RunAsync(TimeSpan.FromSeconds(150),
            silo.LoopbackUrl.ToString().TrimEnd('/'), DashboardSilo.Token, silo.ShortRun, silo.Sweep, silo.LongRun, shots);

        Assert.False(page.TryGetProperty("error", out var error), error.ToString());
        Assert.Equal(401, page.GetProperty("withoutToken").GetProperty("status").GetInt32());
        Assert.Contains("requires its token", page.GetProperty("withoutToken").GetProperty("body").GetString());
        var runs = Rows(page, "runs");
        Assert.Equal("Completed", runs[silo.ShortRun]);
        Assert.Contains(silo.LongRun, runs.Keys);
        Assert.All(sweep.Trials, t => Assert.Contains(t.TrialId, runs.Keys));
        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(run.Epochs.Count, page.GetProperty("epochPoints").GetInt32());
        Assert.Equal(run.TotalSteps, page.GetProperty("stepPoints").GetInt64());
        Assert.Equal(run.TotalSteps, page.GetProperty("phasePoints").GetInt64());
        Assert.Equal(sweep.Trials.ToDictionary(t => t.TrialId, t => t.State.ToString()), Rows(page, "trials"));
        Assert.Equal("Cancelled", page.GetProperty("longState").GetString());
        Assert.Equal(RunState.Cancelled, (await silo.Grains.GetGrain<ITrainingCoordinatorGrain>(silo.LongRun).StatusAsync()).State);
        Assert.True(new FileInfo(Path.Combine(shots, "dashboard.png")).Length > 10_000);
    }

    private static Dictionary<string, string> Rows(JsonElement page, string name) =>
        page.GetProperty(name).EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("state").GetString()!);
}
