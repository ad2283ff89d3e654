using Orleans.Concurrency;

namespace Idl.Grains.Contracts;

/// <summary>
/// One hyper-parameter sweep (key: the sweep id). Its trials are training runs with ids "{sweepId}-t{index}",
/// driven by a grain timer that polls them, applies ASHA and starts pending trials; the sweep's state is persisted,
/// so a sweep whose silo died carries on from its last record when it is called again.
/// </summary>
[Alias("idl.ISweepGrain")]
public interface ISweepGrain : IGrainWithStringKey
{
    /// <summary>Validates, expands the search space and starts polling. Starting a sweep that exists with the same
    /// spec returns its status; with another spec it is an error.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    [Alias("Start")]
    Task<SweepStatus> StartAsync(SweepSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Where the sweep and every trial stand (a snapshot, answered between the awaits of a tick).</summary>
    [Alias("Status"), AlwaysInterleave]
    Task<SweepStatus> StatusAsync();

    /// <summary>Cancels the running trials and stops the pending ones.</summary>
    [Alias("Cancel")]
    Task<SweepStatus> CancelAsync();

    /// <summary>The silo this activation runs on.</summary>
    [Alias("Host")]
    Task<string> HostAsync();
}
