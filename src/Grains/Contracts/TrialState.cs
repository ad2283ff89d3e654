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
}
