namespace Idl.Grains.Contracts;

/// <summary>Where a sweep stands: every trial, in expansion order (rank them with <c>SweepTable.Rank</c>).</summary>
[GenerateSerializer, Immutable, Alias("idl.SweepStatus")]
public sealed record SweepStatus(
    [property: Id(0)] string SweepId,
    [property: Id(1)] SweepRunState State,
    [property: Id(2)] string Metric,
    [property: Id(3)] IReadOnlyList<TrialResult> Trials,
    [property: Id(4)] double WallSeconds,
    [property: Id(5)] int Restarts)
{
    /// <summary>Whether no trial will change again.</summary>
    public bool IsFinished => State is SweepRunState.Completed or SweepRunState.Cancelled;
}
