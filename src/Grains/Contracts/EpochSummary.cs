namespace Idl.Grains.Contracts;

/// <summary>One epoch of a distributed run, with the fields of the single-process epoch report.</summary>
[GenerateSerializer, Immutable, Alias("idl.EpochSummary")]
public sealed record EpochSummary(
    [property: Id(0)] int Epoch,
    [property: Id(1)] double LearningRate,
    [property: Id(2)] double TrainLoss,
    [property: Id(3)] double? TrainAccuracy,
    [property: Id(4)] double? TestLoss,
    [property: Id(5)] double? TestAccuracy,
    [property: Id(6)] double? TestRmse,
    [property: Id(7)] double SamplesPerSecond,
    [property: Id(8)] double TrainSeconds,
    [property: Id(9)] double ForwardIterationsMean,
    [property: Id(10)] double BackwardIterationsMean,
    [property: Id(11)] int NonConvergedSolves,
    [property: Id(12)] double InfNormA);
