namespace Idl.Grains.Contracts;

/// <summary>Where a run stands.</summary>
[GenerateSerializer, Immutable, Alias("idl.RunStatus")]
public sealed record RunStatus(
    [property: Id(0)] string RunId,
    [property: Id(1)] RunState State,
    [property: Id(2)] int Epoch,
    [property: Id(3)] long Step,
    [property: Id(4)] long TotalSteps,
    [property: Id(5)] long CheckpointStep,
    [property: Id(6)] int Restarts,
    [property: Id(7)] long ResumedFromStep,
    [property: Id(8)] string? Error,
    [property: Id(9)] IReadOnlyList<EpochSummary> Epochs,
    [property: Id(10)] int Shards,
    [property: Id(11)] int Samples,
    [property: Id(12)] RunFailure Failure = RunFailure.None)
{
    /// <summary>Whether the run will not step again (completed, cancelled or failed).</summary>
    public bool IsFinished => State is RunState.Completed or RunState.Cancelled or RunState.Failed;
}
