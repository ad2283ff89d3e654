namespace Idl.Grains.Contracts;

/// <summary>
/// One row of a sweep's results table. <see cref="Metric"/> is the test loss (the training loss where the data has
/// no test part) after <see cref="Epochs"/> epochs — for a stopped trial, the epoch of the rung that stopped it.
/// <see cref="RunEpochs"/> is what the trial's run really did once it ended. A stop that reaches a run that had
/// already completed (a cancelled sweep, a trial failed after its retries; ASHA trials hold at their rungs) makes
/// <see cref="State"/> <see cref="TrialState.CompletedBeforeStop"/>. The decision columns (epochs, metric, reason) stay as ASHA decided
/// them, so that they do not depend on timing; the state and run_epochs say what happened.
/// </summary>
[GenerateSerializer, Immutable, Alias("idl.TrialResult")]
public sealed record TrialResult(
    [property: Id(0)] string TrialId,
    [property: Id(1)] TrialConfig Config,
    [property: Id(2)] TrialState State,
    [property: Id(3)] int Epochs,
    [property: Id(4)] double? Metric,
    [property: Id(5)] double? TestAccuracy,
    [property: Id(6)] double Seconds,
    [property: Id(7)] int Retries,
    [property: Id(8)] string? Reason,
    [property: Id(9)] int? RunEpochs = null)
{
    /// <summary>Whether the trial will not change again.</summary>
    public bool IsFinished => State is TrialState.Completed or TrialState.Stopped or TrialState.Failed or TrialState.CompletedBeforeStop;
}
