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
        var probe = await Shard(0).ProbeAsync(spec.DataSpec, spec.Seed, cancellationToken).WaitAsync(_options.ShardCallTimeout, cancellationToken);
        int m = Math.Min(probe.Samples, spec.Limit ?? int.MaxValue);
        if (spec.Shards > m) throw new ArgumentException($"--shards = {spec.Shards} exceeds the {m} training samples of '{spec.DataSpec}'.");
        PayloadGuard.EnsureModel(spec.Hidden, probe.Features, probe.Outputs, spec.Precision == "float32" ? 4 : 8, _options.MaxPayloadBytes);
        var unscaled = new RunLayout(m, probe.Features, probe.Outputs, probe.Classification, RunLayout.EvenStarts(m, spec.Shards), null, null);
        var sums = await Task.WhenAll(Enumerable.Range(0, spec.Shards)
            .Select(k => Shard(k).StatisticsAsync(unscaled.SpecFor(RunId, spec, k), cancellationToken)))
            .WaitAsync(_options.ShardCallTimeout, cancellationToken);
        var (sum, squares) = (new double[probe.Features], new double[probe.Features]);
        foreach (var part in sums)
            for (int j = 0; j < sum.Length; j++) (sum[j], squares[j]) = (sum[j] + part.Sum[j], squares[j] + part.SumSquares[j]);
        var scaling = InputScaling.FromSums(spec.Standardize, spec.DataSpec, sum, squares, sums.Sum(s => (long)s.Samples));
        var layout = unscaled with { ScaleMean = scaling?.Mean.ToArray(), ScaleStd = scaling?.Std.ToArray() };
        // Scale every slice now, in parallel, rather than inside the first step, which would then carry it.
        if (scaling is not null)
            await Task.WhenAll(Enumerable.Range(0, spec.Shards).Select(k => Shard(k).PrepareAsync(layout.SpecFor(RunId, spec, k), cancellationToken)))
                .WaitAsync(_options.ShardCallTimeout, cancellationToken);
        return layout;
    }

    private IDataShardGrain Shard(int index) => GrainFactory.GetGrain<IDataShardGrain>(ShardSpec.KeyOf(RunId, index));
}
