using System.Diagnostics;
using Idl.Client.Output;
using Idl.Grains.Attacks;
using Idl.Grains.Contracts;
using Idl.Grains.Options;
using Idl.Numerics.Attacks;
using Idl.Numerics.Data;

namespace Idl.Client.Commands;

/// <summary>
/// <c>idl attack --method lp --shards K</c> / <c>--cluster</c>: the samples are cut into slices and sent to
/// <c>ILpAttackGrain</c>s, K at a time. A slice whose call fails (its silo died) is sent again to a fresh grain, so
/// the counts are those of the in-process run.
/// </summary>
internal static class DistributedLpAttackJob
{
    private const int SliceSize = 10;

    public static async Task RunAsync(CliOutput output, string modelPath, Dataset data, LpAttack attack, double[] lower, double[] upper,
        int? shards, ClusterClientOptions? cluster, TelemetryOptions telemetry, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await OrleansConnection.OpenAsync(cluster, telemetry, cancel);
        int k = shards ?? connection.Silos;
        var progress = output.Progress($"lp on {k} grains", data.SampleCount);
        string run = Guid.NewGuid().ToString("N");
        var gate = new SemaphoreSlim(k);
        int done = 0;
        var tasks = Enumerable.Range(0, (data.SampleCount + SliceSize - 1) / SliceSize).Select(async i =>
        {
            int first = i * SliceSize, count = Math.Min(SliceSize, data.SampleCount - first);
            var (inputs, labels) = LpAttackJob.Rows(data, first, count);
            var slice = new LpAttackSlice(Path.GetFullPath(modelPath), first, inputs, labels, lower, upper, attack.Epsilon, attack.Cardinality,
                attack.Objective == LpAttackObjective.Margin);
            await gate.WaitAsync(cancel);
            try
            {
                var r = await LpAttackDispatch.SendAsync(connection.Grains, run, i, slice,
                    (e, attempt) => output.Info($"slice {i}: {e.GetType().Name}; sending it again ({attempt}/{LpAttackDispatch.Attempts})"), cancel);
                progress.Update(Interlocked.Add(ref done, count));
                return r;
            }
            finally { gate.Release(); }
        }).ToArray();
        var results = await Task.WhenAll(tasks);
        var total = results.Aggregate(new LpAttackSliceResult(0, 0, 0, 0, 0), (a, b) =>
            new LpAttackSliceResult(a.Samples + b.Samples, a.CleanCorrect + b.CleanCorrect, a.Flipped + b.Flipped, a.Certified + b.Certified, a.Unsolved + b.Unsolved));
        LpAttackJob.Report(output, attack, total, clock.Elapsed.TotalSeconds, k);
    }
}
