using System.Diagnostics;
using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;
using Idl.Grains.Transfer;

namespace Idl.Grains.Tests.Transfer;

/// <summary>The same runs on the shared cluster (default 16 MiB chunks, fan-in 8: every message inline, one stage) and
/// on <see cref="SmallChunkCluster"/> (1 KiB chunks, fan-in 3).</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class ChunkedTrainingTests(SharedCluster shared, SmallChunkCluster small) : IClassFixture<SmallChunkCluster>
{
    [Fact]
    public async Task StartAsync_TinyChunks_TrainsBitForBitAsUnchunked()
    {
        var spec = new RunSpec { DataSpec = "digits", Hidden = 8, Epochs = 2, BatchSize = 64, Shards = 3, Limit = 256, CheckpointInterval = 2 };
        var (inline, inlineParameters, _) = await TrainAsync(shared, spec, "inline");
        var (chunked, chunkedParameters, spans) = await TrainAsync(small, spec, "chunked");

        Assert.Equal(inline.Epochs.Select(Bits), chunked.Epochs.Select(Bits));
        foreach (var (a, b) in PayloadPairs(inlineParameters, chunkedParameters)) Assert.Equal(a.Bytes, b.Bytes);
        var fetches = spans.Where(s => s.DisplayName == "transfer.fetch").ToArray();
        Assert.NotEmpty(fetches);
        Assert.Contains(fetches, s => (long)s.GetTagItem("idl.chunks")! > 1);
    }

    [Fact]
    public async Task StartAsync_SevenShardsFanInThree_AggregatesInStagesLikeTheFlatSum()
    {
        var spec = new RunSpec { DataSpec = "digits", Hidden = 8, Epochs = 1, BatchSize = 70, Shards = 7, Limit = 280, CheckpointInterval = 2 };
        var (flat, flatParameters, flatSpans) = await TrainAsync(shared, spec, "flat");
        var (staged, stagedParameters, spans) = await TrainAsync(small, spec, "staged");

        Assert.DoesNotContain(flatSpans, s => s.DisplayName == "aggregate" && s.GetTagItem("idl.stage") is not null);
        var stages = spans.Where(s => s.DisplayName == "aggregate" && s.GetTagItem("idl.stage") is not null).ToArray();
        Assert.Equal(4 * 3, stages.Length);
        Assert.Equal([0, 1, 2], stages.Select(s => (int)s.GetTagItem("idl.shard")!).Distinct().Order());
        Assert.All(stages, s => Assert.Equal(1, (int)s.GetTagItem("idl.stage")!));
        Assert.Equal(flat.Epochs[0].TrainLoss, staged.Epochs[0].TrainLoss, 1e-12);
        foreach (var (a, b) in PayloadPairs(flatParameters, stagedParameters))
        {
            var (x, y) = (a.ToArray<double>(), b.ToArray<double>());
            Assert.True(x.Zip(y).All(p => Math.Abs(p.First - p.Second) <= 1e-9 * Math.Max(1, Math.Abs(p.First))),
                $"max |difference| {x.Zip(y).Max(p => Math.Abs(p.First - p.Second)):E3}");
        }
    }

    [Fact]
    public async Task StartAsync_ModelOverHardLimit_ThrowsNamingFieldAndPersistsNothing()
    {
        string runId = Runs.NewId("limit");
        var run = small.Grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        // A is 100·100·8 + 9 bytes = 80009, over the cluster's 65536.
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => run.StartAsync(new RunSpec { DataSpec = "digits", Hidden = 100, Limit = 64 })
            .WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("model parameter A (100x100 float64) would be 80009 bytes", e.Message);
        Assert.Contains("65536 bytes limit", e.Message);
        Assert.Contains("MaxPayloadBytes", e.Message);
        Assert.Equal(RunState.None, (await run.StatusAsync().WaitAsync(TimeSpan.FromSeconds(10))).State);
        Assert.Empty(Directory.Exists(small.StorageFolder)
            ? Directory.EnumerateFiles(small.StorageFolder, "*", SearchOption.AllDirectories).Where(f => f.Contains(runId.Replace('-', '_'), StringComparison.Ordinal))
            : []);
    }

    [Fact]
    public async Task ReadAsync_PayloadNotHeld_ThrowsNamingTheSilo()
    {
        string silo = small.Cluster.Silos[0].SiloAddress.ToParsableString();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => small.Grains.GetGrain<IPayloadReaderGrain>(silo)
            .ReadAsync(Guid.NewGuid(), 0, 16).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"no longer held on silo {silo}", e.Message);
    }

    // Trains spec to completion under a trace of its own; returns the status, the final parameters (fetched when
    // chunked) and the trace's spans.
    private static async Task<(RunStatus Status, ModelParameters Parameters, Activity[] Spans)> TrainAsync(ClusterFixture cluster, RunSpec spec, string prefix)
    {
        string runId = Runs.NewId(prefix);
        var run = cluster.Grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        ActivityTraceId trace;
        using (var root = ClusterFixture.TestSource.StartActivity("test.root"))
        {
            trace = root!.TraceId;
            await run.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        }
        var status = await Runs.CompletedAsync(cluster.Grains, runId, TimeSpan.FromSeconds(120));
        var parameters = await cluster.Grains.FetchAsync((await run.ParametersAsync().WaitAsync(TimeSpan.FromSeconds(30)))!, cancellationToken: default)
            .WaitAsync(TimeSpan.FromSeconds(30));
        lock (ClusterFixture.Spans) return (status, parameters, ClusterFixture.Spans.Where(a => a.TraceId == trace).ToArray());
    }

    private static IEnumerable<(MatrixPayload, MatrixPayload)> PayloadPairs(ModelParameters a, ModelParameters b) =>
        [(a.A, b.A), (a.B, b.B), (a.C, b.C), (a.D, b.D), (a.StateBias!, b.StateBias!), (a.OutputBias!, b.OutputBias!)];

    private static long[] Bits(EpochSummary e) =>
        new[] { e.TrainLoss, e.TrainAccuracy ?? 0, e.TestLoss ?? 0, e.TestAccuracy ?? 0, e.InfNormA }.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
