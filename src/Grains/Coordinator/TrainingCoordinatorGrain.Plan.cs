using Idl.Grains.Contracts;
using Idl.Grains.Options;
using Idl.Numerics.Data;

namespace Idl.Grains.Coordinator;

public sealed partial class TrainingCoordinatorGrain
{
    // Shape from shard 0, then every shard loads its own slice and returns feature sums for the scaling: nothing
    // but counts and sums reaches the coordinator, and nothing is persisted until every shard has loaded.
    private async Task<RunLayout> PlanAsync(RunSpec spec, CancellationToken cancellationToken)
    {
        var probe = await Shard(0).ProbeAsync(spec.DataSpec, spec.Seed, spec.Read, cancellationToken).WaitAsync(_options.ShardCallTimeout, cancellationToken);
        int m = Math.Min(probe.Samples, spec.Limit ?? int.MaxValue);
        if (spec.Shards > m) throw new ArgumentException($"--shards = {spec.Shards} exceeds the {m} training samples of '{spec.DataSpec}'.");
        PayloadGuard.EnsureModel(spec.Hidden, probe.Features, probe.Outputs, Numerics.PrecisionNames.ElementBytes(spec.Precision), _options.MaxPayloadBytes);
        var unscaled = new RunLayout(m, probe.Features, probe.Outputs, probe.Classification, RunLayout.EvenStarts(m, spec.Shards), null, null);
        var sums = await Task.WhenAll(Enumerable.Range(0, spec.Shards)
            .Select(k => Shard(k).StatisticsAsync(unscaled.SpecFor(RunId, spec, k), cancellationToken)))
            .WaitAsync(_options.ShardCallTimeout, cancellationToken);
        // Each shard counts its training samples after the hold-out; global training indices run through them in order.
        var trainStarts = new int[spec.Shards + 1];
        for (int k = 0; k < spec.Shards; k++) trainStarts[k + 1] = trainStarts[k] + sums[k].Samples;
        int samples = trainStarts[^1];
        if (samples == 0) throw new ArgumentException($"'{spec.DataSpec}' leaves no training sample after holding out {spec.HoldOut} for testing.");
        var scaling = InputScaling.FromSums(spec.Standardize, spec.DataSpec, Add(sums, s => s.Sum), Add(sums, s => s.SumSquares), samples);
        // Regression targets are standardised as in a single process (DataPreparation), from the shards' target sums.
        var targets = !probe.Classification && spec.Standardize != "none" && sums[0].TargetSum is not null
            ? InputScaling.TargetsFromSums(Add(sums, s => s.TargetSum!), Add(sums, s => s.TargetSumSquares!), samples) : null;
        var layout = unscaled with
        {
            Samples = samples, TrainStarts = trainStarts, ScaleMean = scaling?.Mean.ToArray(), ScaleStd = scaling?.Std.ToArray(),
            TargetMean = targets?.Mean.ToArray(), TargetStd = targets?.Std.ToArray(),
        };
        // Scale every slice now, in parallel, rather than inside the first step, which would then carry it.
        if (scaling is not null || targets is not null)
            await Task.WhenAll(Enumerable.Range(0, spec.Shards).Select(k => Shard(k).PrepareAsync(layout.SpecFor(RunId, spec, k), cancellationToken)))
                .WaitAsync(_options.ShardCallTimeout, cancellationToken);
        return layout;
    }

    private static double[] Add(FeatureSums[] parts, Func<FeatureSums, double[]> pick)
    {
        var total = new double[pick(parts[0]).Length];
        foreach (var part in parts)
        {
            var values = pick(part);
            for (int j = 0; j < total.Length; j++) total[j] += values[j];
        }
        return total;
    }

    private IDataShardGrain Shard(int index) => GrainFactory.GetGrain<IDataShardGrain>(ShardSpec.KeyOf(RunId, index));
}
