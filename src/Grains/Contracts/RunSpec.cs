namespace Idl.Grains.Contracts;

/// <summary>
/// What to train: the same hyper-parameters as single-process <c>idl train</c> (projected gradient with Adam, §6.2,
/// constant learning rate, float32 or float64), spread over <see cref="Shards"/> data shards.
/// </summary>
[GenerateSerializer, Immutable, Alias("idl.RunSpec")]
public sealed record RunSpec
{
    /// <summary>Data specification (<c>digits</c>, <c>mnist:&lt;folder&gt;</c>, <c>csv:&lt;file&gt;</c>, …).</summary>
    [Id(0)] public string DataSpec { get; init; } = "digits";

    /// <summary>State size n ≥ 1.</summary>
    [Id(1)] public int Hidden { get; init; } = 64;

    /// <summary>Passes over the training set ≥ 1.</summary>
    [Id(2)] public int Epochs { get; init; } = 3;

    /// <summary>Mini-batch size over all shards; the batch is split among the shards that hold its samples.</summary>
    [Id(3)] public int BatchSize { get; init; } = 64;

    /// <summary>Adam's learning rate η.</summary>
    [Id(4)] public double LearningRate { get; init; } = 5e-3;

    /// <summary>Well-posedness radius κ ∈ (0, 1): ‖A‖∞ ≤ κ after every step.</summary>
    [Id(5)] public double Kappa { get; init; } = 0.95;

    /// <summary>Seed for initialisation, shuffling and synthetic data.</summary>
    [Id(6)] public int Seed { get; init; }

    /// <summary>Data shards K ≥ 1.</summary>
    [Id(7)] public int Shards { get; init; } = 1;

    /// <summary>Activation name (as <c>--activation</c>).</summary>
    [Id(8)] public string Activation { get; init; } = "relu";

    /// <summary>Equilibrium solver.</summary>
    [Id(9)] public SolverSettings Solver { get; init; } = new();

    /// <summary>Input scaling: auto, global, features or none (as <c>--standardize</c>).</summary>
    [Id(10)] public string Standardize { get; init; } = "auto";

    /// <summary>Steps between checkpoints (and one at each epoch end); ≥ 1.</summary>
    [Id(11)] public int CheckpointInterval { get; init; } = 20;

    /// <summary>Warm-start each sample's solves from its previous state (as the single-process trainer).</summary>
    [Id(12)] public bool WarmStart { get; init; } = true;

    /// <summary>Use only the first N training samples (null: all).</summary>
    [Id(13)] public int? Limit { get; init; }

    /// <summary>Element type of the model, gradients and payloads: float32 or float64 (as <c>--precision</c>). Float64 unless set,
    /// so that existing callers and checkpoints keep their precision.</summary>
    [Id(14)] public string Precision { get; init; } = "float64";
}
