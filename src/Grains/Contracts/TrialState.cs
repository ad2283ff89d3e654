namespace Idl.Grains.Contracts;

/// <summary>Where a trial of a sweep stands.</summary>
[GenerateSerializer, Alias("idl.TrialState")]
public enum TrialState
{
    /// <summary>Waiting for a concurrency slot.</summary>
    Pending,

    /// <summary>Its run is training.</summary>
    Running,

    /// <summary>Ran all the sweep's epochs.</summary>
    Completed,

    /// <summary>Stopped early by the scheduler (or by cancelling the sweep); see <see cref="TrialResult.Reason"/>.</summary>
    Stopped,

    /// <summary>Failed after its retries; see <see cref="TrialResult.Reason"/>.</summary>
    Failed,

    /// <summary>The sweep stopped the trial (ASHA, its retries, or a cancelled sweep), but its run had already
    /// completed every epoch when the stop reached it. The decision columns (<see cref="TrialResult.Epochs"/>,
    /// <see cref="TrialResult.Metric"/>, <see cref="TrialResult.Reason"/>) stay the sweep's, which do not depend on
    /// timing; this state and <see cref="TrialResult.RunEpochs"/> say what the run really did.</summary>
    CompletedBeforeStop,
}
