using Idl.Grains.Contracts;

namespace Idl.Grains.Coordinator;

/// <summary>How a run's samples are split: shard k loads raw samples [Starts[k], Starts[k+1]) and trains on those of them
/// that are not held out, global training samples [TrainStarts[k], TrainStarts[k+1]) (the same ranges when nothing is
/// held out); plus the data's shape and the scalings every shard applies. <see cref="Samples"/> counts training samples.</summary>
[GenerateSerializer, Immutable, Alias("idl.RunLayout")]
public sealed record RunLayout(
    [property: Id(0)] int Samples,
    [property: Id(1)] int Features,
    [property: Id(2)] int Outputs,
    [property: Id(3)] bool Classification,
    [property: Id(4)] int[] Starts,
    [property: Id(5)] double[]? ScaleMean,
    [property: Id(6)] double[]? ScaleStd,
    [property: Id(7)] int[]? TrainStarts = null,
    [property: Id(8)] double[]? TargetMean = null,
    [property: Id(9)] double[]? TargetStd = null)
{
    private int[] Owned => TrainStarts ?? Starts;

    /// <summary>Shards K.</summary>
    public int Shards => Starts.Length - 1;

    /// <summary>An even split of <paramref name="samples"/> among <paramref name="shards"/> shards.</summary>
    public static int[] EvenStarts(int samples, int shards) =>
        Enumerable.Range(0, shards + 1).Select(k => (int)((long)samples * k / shards)).ToArray();

    /// <summary>Shard <paramref name="index"/>'s spec.</summary>
    public ShardSpec SpecFor(string runId, RunSpec spec, int index) => new(runId, index, Shards, spec.DataSpec,
        Starts[index], Starts[index + 1] - Starts[index], spec.Seed, ScaleMean, ScaleStd, spec.Solver, spec.WarmStart, spec.HoldOut,
        TargetMean, TargetStd, spec.Read);

    /// <summary>Splits global training-sample indices into (shard, local indices) groups, shards in order, samples in batch order.</summary>
    public IReadOnlyList<(int Shard, int[] Local)> Split(ReadOnlySpan<int> global)
    {
        var groups = new List<int>[Shards];
        var owned = Owned;
        foreach (int i in global)
        {
            int k = Array.BinarySearch(owned, i);
            k = k >= 0 ? k : ~k - 1;
            // Equal starts mean empty shards (every sample of theirs held out): skip to the one that owns i.
            while (k + 1 < owned.Length - 1 && owned[k + 1] <= i) k++;
            (groups[k] ??= []).Add(i - owned[k]);
        }
        var result = new List<(int, int[])>();
        for (int k = 0; k < Shards; k++)
            if (groups[k] is { Count: > 0 } g) result.Add((k, g.ToArray()));
        return result;
    }
}
