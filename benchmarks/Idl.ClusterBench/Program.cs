using System.Globalization;
using System.Text.Json;
using Idl.ClusterBench;
using Idl.Grains.Contracts;
using Idl.Grains.Hosting;
using Idl.Grains.Options;
using Idl.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// One run on an embedded silo set up as `idl train --shards K` sets it up, with an in-process listener that sums the
// training spans (step, shard.forward, shard.adjoint, aggregate, project, checkpoint, evaluate, epoch) and the
// Orleans grain-call spans. Prints one JSON object on stdout. Used by benchmarks/cluster_overhead.sh.
// Usage: Idl.ClusterBench --data SPEC [--hidden N] [--batch B] [--epochs E] [--shards K] [--lr X] [--kappa X] [--seed S] [--limit M]
//        [--precision float32|float64] (float64 unless given)
var o = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal) && p.i + 1 < args.Length)
    .ToDictionary(p => p.a[2..], p => args[p.i + 1]);
string Get(string key, string fallback) => o.TryGetValue(key, out var v) ? v : fallback;
if (!o.ContainsKey("data"))
{
    Console.Error.WriteLine("usage: Idl.ClusterBench --data SPEC [--hidden N] [--batch B] [--epochs E] [--shards K] [--lr X] [--kappa X] [--seed S] [--limit M] [--precision float32|float64]");
    return 2;
}
var spec = new RunSpec
{
    DataSpec = o["data"], Hidden = int.Parse(Get("hidden", "64"), CultureInfo.InvariantCulture), Epochs = int.Parse(Get("epochs", "1"), CultureInfo.InvariantCulture),
    BatchSize = int.Parse(Get("batch", "64"), CultureInfo.InvariantCulture), LearningRate = double.Parse(Get("lr", "5e-3"), CultureInfo.InvariantCulture),
    Kappa = double.Parse(Get("kappa", "0.95"), CultureInfo.InvariantCulture), Seed = int.Parse(Get("seed", "0"), CultureInfo.InvariantCulture),
    Shards = int.Parse(Get("shards", "1"), CultureInfo.InvariantCulture), Limit = o.TryGetValue("limit", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : null,
    Solver = new SolverSettings(Idl.Numerics.Solvers.SolverKind.Picard, 3e-6, 300), CheckpointInterval = 20, WarmStart = false,
    Precision = Get("precision", "float64") == "float32" ? Idl.Numerics.Precision.Float32 : Idl.Numerics.Precision.Float64,
};

using var spans = new SpanTotals(TrainingTelemetry.Name, "Microsoft.Orleans.Application");
string folder = Path.Combine(Path.GetTempPath(), "idl-clusterbench-" + Guid.NewGuid().ToString("N"));
var builder = Host.CreateApplicationBuilder([]);
builder.Logging.ClearProviders();
// The same silo configuration as the CLI's embedded silo (reminders included, which the coordinator requires).
var hosting = ClusterHostingOptions.Embedded(folder);
builder.UseOrleans(silo => silo.UseIdlCluster(hosting).AddImplicitTraining());
using var host = builder.Build();
await host.StartAsync();
try
{
    var run = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITrainingCoordinatorGrain>("bench-" + Guid.NewGuid().ToString("N")[..8]);
    var gcBefore = GC.GetTotalPauseDuration();
    var status = await run.StartAsync(spec).WaitAsync(TimeSpan.FromMinutes(10));
    while (!status.IsFinished)
    {
        await Task.Delay(50);
        status = await run.StatusAsync().WaitAsync(TimeSpan.FromMinutes(1));
    }
    if (status.State != RunState.Completed) throw new InvalidOperationException($"run ended {status.State}: {status.Error}");
    var report = new
    {
        data = spec.DataSpec, hidden = spec.Hidden, batch = spec.BatchSize, shards = status.Shards, samples = status.Samples, precision = spec.Precision,
        gc_pause_seconds = Math.Round((GC.GetTotalPauseDuration() - gcBefore).TotalSeconds, 3),
        epochs = status.Epochs.Select(e => new { e.Epoch, train_seconds = e.TrainSeconds, samples_per_second = e.SamplesPerSecond, test_accuracy = e.TestAccuracy }),
        spans = spans.Snapshot().OrderByDescending(kv => kv.Value.Seconds)
            .ToDictionary(kv => kv.Key, kv => new { count = kv.Value.Count, seconds = Math.Round(kv.Value.Seconds, 4) }),
    };
    Console.Out.WriteLine(JsonSerializer.Serialize(report));
}
finally
{
    await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
    if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
}
return 0;
