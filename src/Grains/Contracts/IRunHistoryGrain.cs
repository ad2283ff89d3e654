using Orleans.Concurrency;

namespace Idl.Grains.Contracts;

/// <summary>A run's metric history, for the dashboard and <c>idl plot</c> (key: the run id; the same activation as
/// the run's <see cref="ITrainingCoordinatorGrain"/>).</summary>
[Alias("idl.IRunHistoryGrain")]
public interface IRunHistoryGrain : IGrainWithStringKey
{
    /// <summary>The history as of the last completed step (a snapshot, answered between the awaits of a step).</summary>
    [Alias("History"), AlwaysInterleave]
    Task<RunHistory> HistoryAsync();
}
