namespace Idl.Grains.Contracts;

/// <summary>
/// What a data shard owns: samples [Start, Start + Count) of the training part of <see cref="DataSpec"/>, less those
/// <see cref="Numerics.Data.Preparation.HoldOut"/> keeps for testing when the data has no test part (share
/// <see cref="HoldOut"/>), with inputs scaled with (<see cref="ScaleMean"/>, <see cref="ScaleStd"/>) and regression
/// targets with (<see cref="TargetMean"/>, <see cref="TargetStd"/>) when given. Sent with every request, so that a
/// shard that reactivated on another silo reloads its own slice without asking anyone.
/// </summary>
[GenerateSerializer, Immutable, Alias("idl.ShardSpec")]
public sealed record ShardSpec(
    [property: Id(0)] string RunId,
    [property: Id(1)] int ShardIndex,
    [property: Id(2)] int ShardCount,
    [property: Id(3)] string DataSpec,
    [property: Id(4)] int Start,
    [property: Id(5)] int Count,
    [property: Id(6)] int Seed,
    [property: Id(7)] double[]? ScaleMean = null,
    [property: Id(8)] double[]? ScaleStd = null,
    [property: Id(9)] SolverSettings? Solver = null,
    [property: Id(10)] bool WarmStart = false,
    [property: Id(11)] double HoldOut = 0,
    [property: Id(12)] double[]? TargetMean = null,
    [property: Id(13)] double[]? TargetStd = null,
    [property: Id(14)] DataRead? Read = null)
{
    /// <summary>The grain key of shard <paramref name="index"/> of run <paramref name="runId"/>.</summary>
    public static string KeyOf(string runId, int index) => $"{runId}/{index}";

    /// <summary>This shard's grain key.</summary>
    public string Key => KeyOf(RunId, ShardIndex);
}
