using Orleans.Concurrency;

namespace Idl.Grains.Contracts;

/// <summary>
/// One training run (key: the run id): holds the model and the optimizer, broadcasts parameters to the shards,
/// aggregates their gradient sums, applies Adam and the ℓ1 projection, checkpoints. Steps run on a grain timer,
/// so every call below is answered between steps while the run is going.
/// </summary>
[Alias("idl.ITrainingCoordinatorGrain")]
public interface ITrainingCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Validates, partitions the data among the shards and starts stepping. Starting a run that exists
    /// with the same spec returns its status; with another spec it is an error.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or the data cannot be loaded.</exception>
    [Alias("Start")]
    Task<RunStatus> StartAsync(RunSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Where the run stands; activating a running run's coordinator resumes it from its checkpoint. Answered
    /// between the awaits of a step (a snapshot, nothing changed), so that a step waiting on a dead silo's shards for
    /// up to the shard call timeout does not hold monitoring callers for as long.</summary>
    [Alias("Status"), AlwaysInterleave]
    Task<RunStatus> StatusAsync();

    /// <summary>Stops stepping after the current step and checkpoints.</summary>
    [Alias("Pause")]
    Task<RunStatus> PauseAsync();

    /// <summary>Continues a paused run (or a failed one, from its last checkpoint).</summary>
    [Alias("Resume")]
    Task<RunStatus> ResumeAsync();

    /// <summary>Stops the run for good.</summary>
    [Alias("Cancel")]
    Task<RunStatus> CancelAsync();

    /// <summary>The current parameters (after the last completed step). Matrices over the chunk size arrive as handles:
    /// pull them with <c>IGrainFactory.FetchAsync</c> (<c>Idl.Grains.Transfer.PayloadClientExtensions</c>).</summary>
    [Alias("Parameters")]
    Task<ModelParameters?> ParametersAsync();

    /// <summary>The silo this activation runs on.</summary>
    [Alias("Host")]
    Task<string> HostAsync();
}
