namespace Idl.Grains.Contracts;

/// <summary>Per-feature Σx and Σx² over a shard's raw (unscaled) training samples, and per-output Σy and Σy² of its
/// regression targets (empty for classification): the coordinator combines them into the run's standardisations
/// without seeing any sample. <see cref="Samples"/> counts the shard's training samples after the hold-out.</summary>
[GenerateSerializer, Immutable, Alias("idl.FeatureSums")]
public sealed record FeatureSums(
    [property: Id(0)] int Samples,
    [property: Id(1)] double[] Sum,
    [property: Id(2)] double[] SumSquares,
    [property: Id(3)] double[]? TargetSum = null,
    [property: Id(4)] double[]? TargetSumSquares = null);
