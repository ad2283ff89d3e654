namespace Idl.Grains.Contracts;

/// <summary>
/// One shard's part of one step: gradient SUMS over its samples (sum-reduced loss), so that the coordinator's sum
/// divided by the total count is exactly the mean-reduced gradient of the whole batch; plus loss sum, counts and
/// solver statistics. An aggregation stage answers with the same record holding the sum of <see cref="Shards"/>
/// shards' contributions, <see cref="Shard"/> being the first of them.
/// </summary>
[GenerateSerializer, Immutable, Alias("idl.ShardContribution")]
public sealed record ShardContribution(
    [property: Id(0)] int Shard,
    [property: Id(1)] long Step,
    [property: Id(2)] MatrixPayload A,
    [property: Id(3)] MatrixPayload B,
    [property: Id(4)] MatrixPayload C,
    [property: Id(5)] MatrixPayload D,
    [property: Id(6)] MatrixPayload? StateBias,
    [property: Id(7)] MatrixPayload? OutputBias,
    [property: Id(8)] double LossSum,
    [property: Id(9)] int Count,
    [property: Id(10)] int Correct,
    [property: Id(11)] SolveStats Stats,
    [property: Id(12)] int Shards = 1)
{
    /// <summary>Bytes on the wire for the gradient matrices.</summary>
    public long WireBytes => A.WireBytes + B.WireBytes + C.WireBytes + D.WireBytes + (StateBias?.WireBytes ?? 0) + (OutputBias?.WireBytes ?? 0);
}
