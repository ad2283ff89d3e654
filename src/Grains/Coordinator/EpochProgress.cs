namespace Idl.Grains.Coordinator;

/// <summary>Running sums of the current epoch (checkpointed with the model).</summary>
[GenerateSerializer, Immutable, Alias("idl.EpochProgress")]
public sealed record EpochProgress(
    [property: Id(0)] double LossSum = 0,
    [property: Id(1)] long Samples = 0,
    [property: Id(2)] long Correct = 0,
    [property: Id(3)] long ForwardIterations = 0,
    [property: Id(4)] long BackwardIterations = 0,
    [property: Id(5)] int ShardSteps = 0,
    [property: Id(6)] int NonConverged = 0,
    [property: Id(7)] double Seconds = 0);
