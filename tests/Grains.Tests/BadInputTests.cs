using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class BadInputTests(SharedCluster fixture)
{
    public static TheoryData<string, RunSpec> BadSpecs => new()
    {
        { "--kappa", new RunSpec { Kappa = 0 } },
        { "--kappa", new RunSpec { Kappa = 1 } },
        { "--kappa", new RunSpec { Kappa = -0.5 } },
        { "--hidden", new RunSpec { Hidden = 0 } },
        { "--hidden", new RunSpec { Hidden = -3 } },
        { "--shards", new RunSpec { Shards = 0 } },
        { "--data", new RunSpec { DataSpec = " " } },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task StartAsync_SettingOutOfRange_ThrowsNamingItAndPersistsNothing(string option, RunSpec spec)
    {
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(Runs.NewId("bad"));
        var e = await Assert.ThrowsAsync<ArgumentException>(() => run.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(option, e.Message);
        Assert.Equal(RunState.None, (await run.StatusAsync().WaitAsync(TimeSpan.FromSeconds(10))).State);
    }

    [Fact]
    public async Task StartAsync_MissingDataFile_ThrowsNamingTheFileAndPersistsNothing()
    {
        string missing = Path.Combine(Path.GetTempPath(), "idl-no-such-" + Guid.NewGuid().ToString("N") + ".csv");
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(Runs.NewId("missing"));
        var e = await Assert.ThrowsAsync<ArgumentException>(() => run.StartAsync(new RunSpec { DataSpec = "csv:" + missing }).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(Path.GetFileName(missing), e.Message);
        Assert.Equal(RunState.None, (await run.StatusAsync().WaitAsync(TimeSpan.FromSeconds(10))).State);
    }

    [Fact]
    public async Task StartAsync_UnknownScheme_ThrowsListingTheAcceptedForms()
    {
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(Runs.NewId("scheme"));
        var e = await Assert.ThrowsAsync<ArgumentException>(() => run.StartAsync(new RunSpec { DataSpec = "ftp:x" }).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Accepted", e.Message);
    }

    [Fact]
    public async Task StartAsync_ModelOverPayloadLimit_ThrowsBeforeSending()
    {
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(Runs.NewId("huge"));
        // A alone is 6000·6000·8 bytes = 274.7 MiB, over the default 256 MiB hard limit.
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => run.StartAsync(new RunSpec { Hidden = 6000 }).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("model parameter A (6000x6000 float64)", e.Message);
        Assert.Contains("274.7 MiB", e.Message);
        Assert.Contains("256.0 MiB limit", e.Message);
        Assert.Equal(RunState.None, (await run.StatusAsync().WaitAsync(TimeSpan.FromSeconds(10))).State);
    }

    [Fact]
    public async Task ComputeAsync_SliceBeyondTheData_ThrowsNamingShardAndRange()
    {
        string runId = Runs.NewId("slice");
        var spec = new ShardSpec(runId, 2, 3, "digits", 5000, 100, 0);
        var shard = fixture.Grains.GetGrain<IDataShardGrain>(spec.Key);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => shard.StatisticsAsync(spec).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Shard 2", e.Message);
        Assert.Contains("[5000, 5100)", e.Message);
    }

    [Fact]
    public async Task ComputeAsync_SpecOfAnotherShard_Throws()
    {
        string runId = Runs.NewId("key");
        var shard = fixture.Grains.GetGrain<IDataShardGrain>(ShardSpec.KeyOf(runId, 0));
        await Assert.ThrowsAsync<ArgumentException>(() => shard.StatisticsAsync(new ShardSpec(runId, 1, 2, "digits", 0, 10, 0)).WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
