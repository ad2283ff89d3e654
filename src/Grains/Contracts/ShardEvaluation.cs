namespace Idl.Grains.Contracts;

/// <summary>Loss sum, correct predictions (classification) and squared error sum (regression) over a shard's part
/// of the test set.</summary>
[GenerateSerializer, Immutable, Alias("idl.ShardEvaluation")]
public sealed record ShardEvaluation(
    [property: Id(0)] double LossSum,
    [property: Id(1)] int Count,
    [property: Id(2)] int Correct,
    [property: Id(3)] double SquaredError);
