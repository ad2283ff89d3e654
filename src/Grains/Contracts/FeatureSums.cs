namespace Idl.Grains.Contracts;

/// <summary>Per-feature Σx and Σx² over a shard's raw (unscaled) slice: the coordinator combines them into the
/// run's standardisation without seeing any sample.</summary>
[GenerateSerializer, Immutable, Alias("idl.FeatureSums")]
public sealed record FeatureSums(
    [property: Id(0)] int Samples,
    [property: Id(1)] double[] Sum,
    [property: Id(2)] double[] SumSquares);
