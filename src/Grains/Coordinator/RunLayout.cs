using Idl.Grains.Contracts;

namespace Idl.Grains.Coordinator;

/// <summary>How a run's m samples are split: shard k owns [Starts[k], Starts[k+1]); plus the data's shape and the
/// input scaling every shard applies.</summary>
[GenerateSerializer, Immutable, Alias("idl.RunLayout")]
public sealed record RunLayout(
    [property: Id(0)] int Samples,
    [property: Id(1)] int Features,
    [property: Id(2)] int Outputs,
    [property: Id(3)] bool Classification,
    [property: Id(4)] int[] Starts,
    [property: Id(5)] double[]? ScaleMean,
    [property: Id(6)] double[]? ScaleStd)
{
    /// <summary>Shards K.</summary>
    public int Shards => Starts.Length - 1;

    /// <summary>An even split of <paramref name="samples"/> among <paramref name="shards"/> shards.</summary>
    public static int[] EvenStarts(int samples, int shards) =>
        Enumerable.Range(0, shards + 1).Select(k => (int)((long)samples * k / shards)).ToArray();

    /// <summary>Shard <paramref name="index"/>'s spec.</summary>
    public ShardSpec SpecFor(string runId, RunSpec spec, int index) => new(runId, index, Shards, spec.DataSpec,
        Starts[index], Starts[index + 1] - Starts[index], spec.Seed, ScaleMean, ScaleStd, spec.Solver, spec.WarmStart);

    /// <summary>Splits global sample indices into (shard, local indices) groups, shards in order, samples in batch order.</summary>
    public IReadOnlyList<(int Shard, int[] Local)> Split(ReadOnlySpan<int> global)
    {
        var groups = new List<int>[Shards];
        foreach (int i in global)
        {
            int k = Array.BinarySearch(Starts, i);
            k = k >= 0 ? k : ~k - 1;
            while (k + 1 < Starts.Length - 1 && Starts[k + 1] <= i) k++;
            (groups[k] ??= []).Add(i - Starts[k]);
        }
        var result = new List<(int, int[])>();
        for (int k = 0; k < Shards; k++)
            if (groups[k] is { Count: > 0 } g) result.Add((k, g.ToArray()));
        return result;
    }
}
