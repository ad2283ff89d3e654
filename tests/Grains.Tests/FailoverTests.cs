using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests;

/// <summary>
/// Kills silos mid-run. Grain storage is the atomic file store on a temporary folder, which outlives every silo;
/// the memory store would die with the silo holding it and take the checkpoints along.
/// </summary>
[Collection(FailoverClusterCollection.Name)]
public sealed class FailoverTests(FailoverCluster fixture)
{
    private const int Interval = 4;

    [Fact]
    public async Task KillSilo_HostingTheCoordinator_RunCompletesFromItsLastCheckpoint()
    {
        string runId = Runs.NewId("killcoord");
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        await run.StartAsync(Spec()).WaitAsync(TimeSpan.FromSeconds(60));
        var before = await Runs.WaitAsync(fixture.Grains, runId, s => s.Step >= 10, TimeSpan.FromSeconds(60));
        string host = await run.HostAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await fixture.Cluster.KillSiloAsync(Silo(host)).WaitAsync(TimeSpan.FromSeconds(30));
        var done = await Runs.CompletedAsync(fixture.Grains, runId, TimeSpan.FromSeconds(120));

        Assert.True(done.Restarts >= 1);
        Assert.True(done.ResumedFromStep >= before.Step - Interval, $"resumed from {done.ResumedFromStep}, step {before.Step} was reached before the kill");
        Assert.Equal(done.TotalSteps, done.Step);
        Assert.Equal(2, done.Epochs.Count);
        Assert.NotEqual(host, await run.HostAsync().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task KillSilo_HostingShardsOnly_RunCompletesWithoutRestartingTheCoordinator()
    {
        string runId = Runs.NewId("killshard");
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        var spec = Spec();
        await run.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        await Runs.WaitAsync(fixture.Grains, runId, s => s.Step >= 6, TimeSpan.FromSeconds(60));
        string coordinator = await run.HostAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var shardHosts = await Task.WhenAll(Enumerable.Range(0, spec.Shards)
            .Select(k => fixture.Grains.GetGrain<IDataShardGrain>(ShardSpec.KeyOf(runId, k)).HostAsync())).WaitAsync(TimeSpan.FromSeconds(10));
        string victim = shardHosts.First(h => h != coordinator);

        await fixture.Cluster.KillSiloAsync(Silo(victim)).WaitAsync(TimeSpan.FromSeconds(30));
        var done = await Runs.CompletedAsync(fixture.Grains, runId, TimeSpan.FromSeconds(120));

        Assert.Equal(0, done.Restarts);
        Assert.Equal(done.TotalSteps, done.Step);
        var moved = await Task.WhenAll(Enumerable.Range(0, spec.Shards)
            .Select(k => fixture.Grains.GetGrain<IDataShardGrain>(ShardSpec.KeyOf(runId, k)).HostAsync())).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(victim, moved);
    }

    private static RunSpec Spec() => new()
    {
        DataSpec = "digits", Hidden = 10, Epochs = 2, BatchSize = 32, Shards = 4, Limit = 960, CheckpointInterval = Interval,
    };

    private Orleans.TestingHost.InProcessSiloHandle Silo(string address) =>
        fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == address);
}
