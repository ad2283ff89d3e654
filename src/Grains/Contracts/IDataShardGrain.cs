namespace Idl.Grains.Contracts;

/// <summary>
/// A slice of a run's training samples with its warm-start states X_k (key "{runId}/{shardIndex}"). It loads only
/// its own slice; data never flows through the coordinator.
/// </summary>
[Alias("idl.IDataShardGrain")]
public interface IDataShardGrain : IGrainWithStringKey
{
    /// <summary>Loads the whole training part once to report its shape (asked of shard 0 only, before partitioning).</summary>
    [Alias("Probe")]
    Task<ShardProbe> ProbeAsync(string dataSpec, int seed, DataRead? read = null, CancellationToken cancellationToken = default);

    /// <summary>Loads the slice and returns Σx, Σx² per feature of the raw inputs.</summary>
    [Alias("Statistics")]
    Task<FeatureSums> StatisticsAsync(ShardSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Loads and scales the slice as <paramref name="spec"/> says, so that the first step does not pay for it.
    /// Optional: every call that needs the data loads it when it is missing.</summary>
    [Alias("Prepare")]
    Task PrepareAsync(ShardSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Forward and adjoint solves for the step's samples; returns gradient sums. Idempotent per step.</summary>
    [Alias("Compute")]
    Task<ShardContribution> ComputeAsync(ShardStepRequest request, CancellationToken cancellationToken = default);

    /// <summary>Evaluates the parameters on this shard's part of the source's test set.</summary>
    [Alias("Evaluate")]
    Task<ShardEvaluation> EvaluateAsync(ShardSpec spec, ModelParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>The silo this activation runs on (for placement checks and failover tests).</summary>
    [Alias("Host")]
    Task<string> HostAsync();
}
