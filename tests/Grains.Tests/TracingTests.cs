using System.Diagnostics;
using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class TracingTests(SharedCluster fixture)
{
    [Fact]
    public async Task StartAsync_TwoShardsOnTwoSilos_OneConnectedTraceWithTheTrainingSpans()
    {
        string runId = Runs.NewId("trace");
        ActivityTraceId traceId;
        using (var root = ClusterFixture.TestSource.StartActivity("test.root"))
        {
            Assert.NotNull(root);
            traceId = root.TraceId;
            var spec = new RunSpec { DataSpec = "digits", Hidden = 6, Epochs = 1, BatchSize = 64, Shards = 2, Limit = 128, CheckpointInterval = 1 };
            await fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        }
        await Runs.CompletedAsync(fixture.Grains, runId, TimeSpan.FromSeconds(60));
        var hosts = await Task.WhenAll(Enumerable.Range(0, 2)
            .Select(k => fixture.Grains.GetGrain<IDataShardGrain>(ShardSpec.KeyOf(runId, k)).HostAsync())).WaitAsync(TimeSpan.FromSeconds(10));

        Activity[] spans;
        lock (ClusterFixture.Spans) spans = ClusterFixture.Spans.Where(a => a.TraceId == traceId).ToArray();
        var names = spans.Select(s => s.DisplayName).ToHashSet();
        foreach (var name in new[] { "epoch", "step", "shard.forward", "shard.adjoint", "aggregate", "project", "checkpoint", "evaluate" })
            Assert.Contains(name, names);
        Assert.Equal(2, hosts.Distinct().Count());
        Assert.Equal([0, 1], spans.Where(s => s.DisplayName == "shard.forward").Select(s => (int)s.GetTagItem("idl.shard")!).Distinct().Order());
        Assert.Contains(spans, s => s.DisplayName.Contains("IDataShardGrain", StringComparison.Ordinal));
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        Assert.All(spans.Where(s => s.DisplayName != "test.root"), s => Assert.Contains(s.ParentSpanId, ids));
        var project = spans.First(s => s.DisplayName == "project");
        Assert.True((double)project.GetTagItem("idl.a.inf_norm_after")! <= 0.95 + 1e-12);
        Assert.NotNull(spans.First(s => s.DisplayName == "shard.forward").GetTagItem("idl.solver.iterations"));
    }
}
