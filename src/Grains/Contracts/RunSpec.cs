using Idl.Numerics;
using Idl.Numerics.Training;

namespace Idl.Grains.Contracts;

/// <summary>
/// What to train: the typed settings of single-process <c>idl train</c> with the projected-gradient trainer (§6.2),
/// spread over <see cref="Shards"/> data shards. <see cref="RunSpecTraining.Options"/> turns it into the very
/// <see cref="TrainingOptions"/> the single process trains with, so both paths share one step and one update.
/// Field ids are never renumbered: a field whose type changed got a new id (old checkpoints keep loading).
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

    /// <summary>The base learning rate η.</summary>
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

    /// <summary>Warm-start each sample's solves from its previous state (as <c>--warm-start</c>); off unless set, as in a single process.</summary>
    [Id(12)] public bool WarmStart { get; init; }

    /// <summary>Use only the first N training samples (null: all).</summary>
    [Id(13)] public int? Limit { get; init; }

    /// <summary>Element type of the model, gradients and payloads (as <c>--precision</c>). Float64 unless set, so that existing
    /// callers keep their precision. (Id 14 held it as a string before.)</summary>
    [Id(15)] public Precision Precision { get; init; } = Precision.Float64;

    /// <summary>The update rule (as <c>--optimizer</c>).</summary>
    [Id(16)] public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Momentum μ of <see cref="OptimizerKind.Sgd"/> (as <c>--momentum</c>).</summary>
    [Id(17)] public double Momentum { get; init; } = 0.9;

    /// <summary>The learning-rate schedule over epochs in its canonical text form (as <c>--schedule</c>: constant,
    /// cosine or step:EPOCHS:GAMMA), parsed by <see cref="LearningRateSchedule.Parse"/> and checked at the start.</summary>
    [Id(18)] public string Schedule { get; init; } = "constant";

    /// <summary>Weight of the elementwise ℓ1 penalty (as <c>--l1</c>).</summary>
    [Id(19)] public double L1 { get; init; }

    /// <summary>Weight of the column-norm penalty of eq. 5.1 (as <c>--feature-selection</c>).</summary>
    [Id(20)] public double FeatureSelection { get; init; }

    /// <summary>Weight of the robustness penalty of eq. 4.7 (as <c>--robustness</c>).</summary>
    [Id(21)] public double Robustness { get; init; }

    /// <summary>Train the bias vectors b and c (off with <c>--no-bias</c>).</summary>
    [Id(22)] public bool Bias { get; init; } = true;

    /// <summary>Share of the training part held out as the test set when the data has none (as a single process does).</summary>
    [Id(23)] public double HoldOut { get; init; } = Numerics.Data.Preparation.HoldOut.DefaultFraction;

    /// <summary>How to read <see cref="DataSpec"/> (<c>--target</c>, <c>--task</c>, <c>--samples</c>); null for the defaults.</summary>
    [Id(24)] public DataRead? Read { get; init; }

    /// <summary>A sweep's ASHA trial: the run pauses itself (without an error) after epochs r, r·η, r·η², … below
    /// <see cref="Epochs"/>, where r is this value and η is <see cref="HoldFactor"/>, until its sweep resumes it, so
    /// that a stop decided at a rung always reaches the run before it trains past it. 0: never.</summary>
    [Id(25)] public int HoldFirstEpoch { get; init; }

    /// <summary>η of <see cref="HoldFirstEpoch"/>.</summary>
    [Id(26)] public int HoldFactor { get; init; }

    /// <summary>Whether the run pauses itself after <paramref name="epoch"/> (see <see cref="HoldFirstEpoch"/>).</summary>
    public bool HoldsAfter(int epoch)
    {
        if (HoldFirstEpoch < 1 || HoldFactor < 2 || epoch >= Epochs) return false;
        for (long rung = HoldFirstEpoch; rung <= epoch; rung *= HoldFactor)
            if (rung == epoch) return true;
        return false;
    }
}
