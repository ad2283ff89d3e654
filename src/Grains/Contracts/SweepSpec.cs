namespace Idl.Grains.Contracts;

/// <summary>
/// A hyper-parameter sweep over κ, n, the learning rate and the seed. Every trial is a training run with
/// <see cref="Template"/>'s settings except those four and <see cref="RunSpec.Epochs"/> = <see cref="Epochs"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("idl.SweepSpec")]
public sealed record SweepSpec
{
    /// <summary>Everything a trial shares with the others (data, batch, shards, solver, limit, …).</summary>
    [Id(0)] public RunSpec Template { get; init; } = new();

    /// <summary>κ values or range; each in (0, 1).</summary>
    [Id(1)] public ParameterDomain Kappa { get; init; } = ParameterDomain.Of(0.95);

    /// <summary>n values or range; each ≥ 1 (range draws are rounded to integers).</summary>
    [Id(2)] public ParameterDomain Hidden { get; init; } = ParameterDomain.Of(64);

    /// <summary>Learning-rate values or range; each &gt; 0.</summary>
    [Id(3)] public ParameterDomain LearningRate { get; init; } = ParameterDomain.Of(5e-3);

    /// <summary>Training seeds (initialisation and shuffling); a list.</summary>
    [Id(4)] public int[] Seeds { get; init; } = [0];

    /// <summary>Grid (every combination) or random (<see cref="Samples"/> draws).</summary>
    [Id(5)] public SearchKind Search { get; init; } = SearchKind.Grid;

    /// <summary>Draws of random search ≥ 1.</summary>
    [Id(6)] public int Samples { get; init; } = 10;

    /// <summary>Seed of random search's draws.</summary>
    [Id(7)] public int SearchSeed { get; init; }

    /// <summary>Epochs of a trial that is never stopped: the maximum resource R ≥ 1.</summary>
    [Id(8)] public int Epochs { get; init; } = 3;

    /// <summary>Trials running at once ≥ 1.</summary>
    [Id(9)] public int Concurrency { get; init; } = 2;

    /// <summary>Early stopping: none or ASHA.</summary>
    [Id(10)] public SchedulerKind Scheduler { get; init; } = SchedulerKind.Asha;

    /// <summary>ASHA's reduction factor η ≥ 2 (default 3): rungs at r·η^k, the top 1/η continue.</summary>
    [Id(11)] public int Eta { get; init; } = 3;

    /// <summary>ASHA's minimum resource r ≥ 1 in epochs (default 1).</summary>
    [Id(12)] public int MinEpochs { get; init; } = 1;

    /// <summary>Retries of a failed or stalled trial from its last checkpoint before it is marked failed (default 2).</summary>
    [Id(13)] public int MaxRetries { get; init; } = 2;

    /// <summary>A running trial whose step does not advance for this long is stalled (default 2 minutes).</summary>
    [Id(14)] public TimeSpan ProgressDeadline { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest the sweep waits for one call to a trial's coordinator (default 10 s).</summary>
    [Id(15)] public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Period of the sweep's polling timer (default 100 ms).</summary>
    [Id(16)] public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}
