using System.Diagnostics;
using Idl.Grains.Contracts;
using Idl.Grains.Telemetry;
using Idl.Grains.Tests.TestSupport;
using Idl.Grains.Tests.TestSupport.Collector;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Idl.Grains.Tests;

/// <summary>
/// The silo's exporters against a collector in the test (<see cref="TelemetryCollector"/>): a built idl-silo process
/// started with the user's flags trains briefly, is stopped with SIGTERM, and what arrived is decoded from the wire.
/// The trace starts at a span in this test process, so a connected export also shows the client's context went
/// through the silo into the exported spans.
/// </summary>
public sealed class ExporterTests
{
    private static readonly ActivitySource TestSource = new("Idl.Tests.Exporters");
    private static readonly string[] Pinned = ["epoch", "step", "shard.forward", "shard.adjoint", "aggregate", "project", "checkpoint", "evaluate"];

    [Theory]
    [InlineData("http/protobuf")]
    [InlineData("grpc")]
    public async Task Otlp_ShortTraining_CollectorGetsOneConnectedTraceAndTheTrainingMetrics(string protocol)
    {
        using var collector = new TelemetryCollector();
        var endpoint = protocol == "grpc" ? collector.GrpcAddress : collector.BaseAddress;
        var run = await TrainAsync(["--telemetry", "otlp", "--otlp-protocol", protocol, "--otlp-endpoint", endpoint.AbsoluteUri]);

        Assert.Empty(collector.Rejected);
        var trace = AssertOneTrainingTrace(collector.Spans, run);
        // OTLP keeps the attribute types: a backend can aggregate iterations and residuals without parsing strings.
        var forward = trace.First(s => s.Name == "shard.forward");
        Assert.IsType<long>(forward.Attributes[TrainingTelemetry.Tags.Iterations]);
        Assert.IsType<double>(forward.Attributes[TrainingTelemetry.Tags.Residual]);

        var metrics = collector.Metrics.Where(m => m.Scope == TrainingTelemetry.Name).GroupBy(m => m.Name)
            .ToDictionary(g => g.Key, g => g.MaxBy(m => m.Count)!); // cumulative: the last export holds the totals
        var forwards = trace.Where(s => s.Name == "shard.forward").ToList();
        int steps = trace.Count(s => s.Name == "step");
        Assert.Equal((ulong)steps, metrics["idl.step.loss"].Count);
        Assert.Equal((ulong)steps, metrics["idl.step.duration"].Count);
        Assert.Equal("s", metrics["idl.step.duration"].Unit);
        Assert.Equal((ulong)forwards.Count, metrics["idl.solver.iterations"].Count);
        Assert.Equal(forwards.Sum(s => s.Number(TrainingTelemetry.Tags.Iterations)), metrics["idl.solver.iterations"].Sum);
        Assert.Equal(forwards.Sum(s => s.Number(TrainingTelemetry.Tags.Samples)), metrics["idl.samples"].Sum);
        Assert.Equal("sum", metrics["idl.samples"].Kind);
        Assert.Equal(1UL, metrics["idl.epoch.accuracy"].Count);
        Assert.All(metrics.Values, m => Assert.Equal(Silo, m.ServiceName));
        Assert.Contains(collector.Metrics, m => m.Scope == "Microsoft.Orleans");
    }

    [Fact]
    public async Task Zipkin_ShortTraining_CollectorGetsOneConnectedTraceWithTags()
    {
        using var collector = new TelemetryCollector();
        var run = await TrainAsync(["--telemetry", "zipkin", "--zipkin-endpoint", new Uri(collector.BaseAddress, "/api/v2/spans").AbsoluteUri]);

        Assert.Empty(collector.Rejected);
        var trace = AssertOneTrainingTrace(collector.Spans, run);
        // Zipkin v2: 128-bit trace ids in 32 hex digits, tags as a string map.
        Assert.All(trace, s => Assert.Equal(32, s.TraceId.Length));
        Assert.IsType<string>(trace.First(s => s.Name == "shard.forward").Attributes[TrainingTelemetry.Tags.Iterations]);
    }

    [Theory]
    [InlineData("--otlp-protocol", new[] { "--telemetry", "otlp", "--otlp-protocol", "http/json" })]
    [InlineData("--otlp-endpoint", new[] { "--telemetry", "otlp", "--otlp-protocol", "http/protobuf", "--otlp-endpoint", "http://127.0.0.1:4318/v1/traces" })]
    [InlineData("--zipkin-endpoint", new[] { "--telemetry", "zipkin", "--zipkin-endpoint", "/api/v2/spans" })]
    public async Task SiloStart_InvalidTelemetryFlag_ExitsWithAMessageNamingIt(string flag, string[] flags)
    {
        await using var silo = new LocalSiloProcess(flags);
        int exit = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, exit);
        Assert.Contains(flag, silo.Output);
    }

    private const string Silo = "idl-silo";

    private sealed record TrainedRun(string RunId, string TraceId, IReadOnlyList<CollectedSpan> Local);

    // Two shards, 128 digits, one epoch: two steps, an evaluation and a checkpoint in a few seconds.
    private static async Task<TrainedRun> TrainAsync(string[] telemetryFlags)
    {
        string runId = Runs.NewId("otel");
        await using var silo = new LocalSiloProcess(telemetryFlags);
        await silo.ConnectAsync(TimeSpan.FromSeconds(60));
        var local = new LockedCollection<Activity>();
        string traceId;
        using (Sdk.CreateTracerProviderBuilder().AddSource(TestSource.Name, "Microsoft.Orleans.Application").AddInMemoryExporter(local).Build())
        using (var root = TestSource.StartActivity("test.root"))
        {
            traceId = root!.TraceId.ToHexString();
            var spec = new RunSpec { DataSpec = "digits", Hidden = 6, Epochs = 1, BatchSize = 64, Shards = 2, Limit = 128, CheckpointInterval = 1 };
            await silo.Client.GetGrain<ITrainingCoordinatorGrain>(runId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        }
        await Runs.CompletedAsync(silo.Client, runId, TimeSpan.FromSeconds(60));
        int exit = await silo.StopAsync(TimeSpan.FromSeconds(45));
        Assert.True(exit == 0, $"The silo exited with {exit}: {silo.Output}");
        List<CollectedSpan> spans;
        lock (local) spans = local.Where(a => a.TraceId.ToHexString() == traceId)
            .Select(a => new CollectedSpan(traceId, a.SpanId.ToHexString(), a.ParentSpanId == default ? null : a.ParentSpanId.ToHexString(), a.DisplayName, "test", new Dictionary<string, object>()))
            .ToList();
        return new TrainedRun(runId, traceId, spans);
    }

    // The exported spans of the run: one trace, the test's, every parent known, the pinned names and attributes.
    private static List<CollectedSpan> AssertOneTrainingTrace(IReadOnlyList<CollectedSpan> exported, TrainedRun run)
    {
        var epoch = Assert.Single(exported, s => s.Name == "epoch" && Equals(s.Attributes.GetValueOrDefault(TrainingTelemetry.Tags.RunId), run.RunId));
        Assert.Equal(run.TraceId, epoch.TraceId);
        var trace = exported.Where(s => s.TraceId == run.TraceId).ToList();
        Assert.All(Pinned, name => Assert.Contains(trace, s => s.Name == name));
        Assert.Contains(trace, s => s.Name.Contains("IDataShardGrain", StringComparison.Ordinal));
        Assert.All(trace, s => Assert.Equal(Silo, s.ServiceName));

        var byId = trace.Concat(run.Local).ToDictionary(s => s.SpanId);
        Assert.Contains(run.Local, s => s.Name == "test.root");
        Assert.All(trace, s => Assert.True(s.ParentId is not null && byId.ContainsKey(s.ParentId), $"{s.Name} has parent {s.ParentId ?? "none"}, not in the trace"));
        bool Under(CollectedSpan s, string ancestor)
        {
            for (var p = s.ParentId; p is not null && byId.TryGetValue(p, out var up); p = up.ParentId)
                if (up.Name == ancestor) return true;
            return false;
        }
        Assert.All(trace.Where(s => s.Name == "step"), s => Assert.Equal(epoch.SpanId, s.ParentId));
        Assert.All(trace.Where(s => s.Name is "shard.forward" or "shard.adjoint" or "aggregate" or "project"), s => Assert.True(Under(s, "step"), $"{s.Name} is not under a step"));
        // The first checkpoint is written inside StartAsync, before any epoch; the epoch's last one closes it.
        Assert.All(trace.Where(s => s.Name == "evaluate"), s => Assert.Equal(epoch.SpanId, s.ParentId));
        Assert.Contains(trace, s => s.Name == "checkpoint" && s.ParentId == epoch.SpanId);

        var forwards = trace.Where(s => s.Name == "shard.forward").ToList();
        Assert.Equal([0.0, 1.0], forwards.Select(s => s.Number(TrainingTelemetry.Tags.Shard)).Distinct().Order());
        Assert.All(forwards, s => Assert.True(s.Number(TrainingTelemetry.Tags.Iterations) >= 1));
        Assert.All(forwards, s => Assert.True(s.Number(TrainingTelemetry.Tags.Residual) >= 0));
        Assert.All(trace.Where(s => s.Name is "step" or "checkpoint" or "shard.adjoint"), s => Assert.True(s.Number(TrainingTelemetry.Tags.Bytes) > 0));
        Assert.All(trace.Where(s => s.Name == "project"), s => Assert.True(s.Number(TrainingTelemetry.Tags.InfNormAfter) <= 0.95 + 1e-12));
        return trace;
    }
}
