using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests.History;

/// <summary>The per-step history is persisted with the checkpoint: a run whose coordinator's silo dies keeps the
/// curve up to its checkpoint, marks the restart, and records every later step exactly once.</summary>
[Collection(FailoverClusterCollection.Name)]
public sealed class HistoryFailoverTests(FailoverCluster fixture)
{
    [Fact]
    public async Task HistoryAsync_CoordinatorSiloKilled_CurveRestoredWithRestartMarkerAndEveryStepOnce()
    {
        string runId = Runs.NewId("history");
        var spec = new RunSpec { DataSpec = "digits", Hidden = 8, Epochs = 2, BatchSize = 32, Shards = 2, Limit = 640, CheckpointInterval = 4 };
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        await run.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        await Runs.WaitAsync(fixture.Grains, runId, s => s.Step >= 9, TimeSpan.FromSeconds(60));
        var before = await fixture.Grains.GetGrain<IRunHistoryGrain>(runId).HistoryAsync().WaitAsync(TimeSpan.FromSeconds(10));
        string host = await run.HostAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await fixture.Cluster.KillSiloAsync(fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == host)).WaitAsync(TimeSpan.FromSeconds(30));
        var done = await Runs.CompletedAsync(fixture.Grains, runId, TimeSpan.FromSeconds(120));
        var after = await fixture.Grains.GetGrain<IRunHistoryGrain>(runId).HistoryAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(host, before.Host);
        Assert.NotEqual(host, after.Host);
        Assert.Equal(spec, after.Spec);
        Assert.Equal([RunEventKind.Started, RunEventKind.Restarted], after.Events.Select(e => e.Kind));
        Assert.Equal(done.ResumedFromStep, after.Events[1].Step);
        Assert.Equal(Enumerable.Range(1, (int)done.TotalSteps).Select(s => (long)s), after.Steps.Select(p => p.Step));
        // The steps up to the checkpoint are the ones recorded before the kill, restored from storage, not recomputed.
        var kept = before.Steps.Where(p => p.Step <= done.ResumedFromStep).ToList();
        Assert.NotEmpty(kept);
        Assert.Equal(kept, after.Steps.Take(kept.Count));
        Assert.All(after.Steps, p => Assert.InRange(p.InfNormA, 0, spec.Kappa + 1e-9));
        // λ_PF(|A|) ≤ ‖A‖∞ ≤ κ, certified: one enclosure per epoch.
        Assert.Equal([1, 2], after.PerronFrobenius.Select(p => p.Epoch));
        Assert.All(after.PerronFrobenius, p => Assert.True(0 <= p.Lower && p.Lower <= p.Upper && p.Lower <= spec.Kappa + 1e-9, p.ToString()));
    }
}
