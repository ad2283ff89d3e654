using Idl.Grains.Tests.TestSupport.Collector;

namespace Idl.Client.Tests;

/// <summary>
/// <c>idl train --shards</c> exports its embedded silo's traces and metrics like a silo does, to the in-test collector
/// shared with Grains.Tests. Other tests in this process may train at the same time, and an ActivitySource listener is
/// process-wide, so the assertions pick this run's trace by its run id.
/// </summary>
public sealed class TelemetryExportTests
{
    private static readonly string[] Pinned = ["epoch", "step", "shard.forward", "shard.adjoint", "aggregate", "project", "evaluate"];

    [Fact]
    public void Train_WithShardsAndOtlpHttp_CollectorGetsTheRunsConnectedTraceAsServiceIdl()
    {
        using var collector = new TelemetryCollector();
        var run = CliRun.Of("train", "--data", "digits", "--hidden", "6", "--epochs", "1", "--batch", "64", "--limit", "128", "--shards", "2", "--json",
            "--telemetry", "otlp", "--otlp-protocol", "http/protobuf", "--otlp-endpoint", collector.BaseAddress.AbsoluteUri);

        Assert.True(run.ExitCode == 0, run.Stderr);
        string runId = (string)run.JsonLines()[0]["run_id"]!;
        Assert.Empty(collector.Rejected);
        // Exported when the CLI disposes its host, before it returns: nothing to wait for.
        var epoch = Assert.Single(collector.Spans, s => s.Name == "epoch" && Equals(s.Attributes.GetValueOrDefault("idl.run_id"), runId));
        var trace = collector.Spans.Where(s => s.TraceId == epoch.TraceId).ToList();
        Assert.All(Pinned, name => Assert.Contains(trace, s => s.Name == name));
        // The CLI's own client call starts the trace: the coordinator's StartAsync, with no parent.
        Assert.Contains(trace, s => s.ParentId is null && s.Name.Contains("ITrainingCoordinatorGrain", StringComparison.Ordinal));
        Assert.All(trace, s => Assert.Equal("idl", s.ServiceName));
        Assert.Contains(collector.Metrics, m => m.Name == "idl.step.loss" && m.Count >= 2 && m.ServiceName == "idl");
    }

    [Fact]
    public void Train_TelemetryWithoutShards_IsAUsageErrorNamingTheFlag()
    {
        var run = CliRun.Of("train", "--data", "digits", "--epochs", "1", "--telemetry", "otlp", "--json");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--telemetry", run.Stderr);
    }

    [Theory]
    [InlineData("--telemetry", new[] { "--telemetry", "jaeger" })]
    [InlineData("--otlp-endpoint", new[] { "--telemetry", "otlp", "--otlp-endpoint", "ftp://collector:4317" })]
    [InlineData("--otlp-protocol", new[] { "--telemetry", "otlp", "--otlp-protocol", "http/json" })]
    public void Train_BadTelemetryOption_IsAUsageErrorNamingIt(string flag, string[] options)
    {
        var run = CliRun.Of(["train", "--data", "digits", "--epochs", "1", "--shards", "1", "--json", .. options]);
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(flag, run.Stderr);
    }
}
