using System.Globalization;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Training;

/// <summary>Hyper-parameters of projected stochastic gradient training (§6.2); every default is stated here.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training set. Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Mini-batch size. Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Base learning rate η. Default 5e-3.</summary>
    public double LearningRate { get; init; } = 5e-3;

    /// <summary>The well-posedness radius κ ∈ (0, 1): after every step ‖A‖∞ ≤ κ (‖N(A, γ)‖∞ ≤ κ for blockwise φ). Default 0.99.</summary>
    public double Kappa { get; init; } = 0.99;

    /// <summary>Update rule. Default Adam.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Momentum μ for <see cref="OptimizerKind.Sgd"/>. Default 0.9.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Learning-rate schedule over epochs. Default constant.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>Seed for initialisation and shuffling; a run on one thread is reproducible bit for bit.</summary>
    public int Seed { get; init; }

    /// <summary>Equilibrium solver (forward and adjoint); triangular is exact for a triangular A. Default Picard.</summary>
    public SolverKind Solver { get; init; } = SolverKind.Picard;

    /// <summary>Stopping rules of the forward solves; default tolerance 3e-6 absolute, as the PyTorch baseline.</summary>
    public SolverOptions Forward { get; init; } = new() { AbsoluteTolerance = 3e-6, RelativeTolerance = 0, MaxIterations = 300 };

    /// <summary>Stopping rules of the adjoint solves.</summary>
    public SolverOptions Backward { get; init; } = new() { AbsoluteTolerance = 3e-6, RelativeTolerance = 0, MaxIterations = 300 };

    /// <summary>
    /// Start each sample's forward and adjoint solves from its own state of the previous epoch (kept per sample,
    /// only while both caches fit in <see cref="WarmStartMemoryLimit"/> bytes). Default off: on MNIST (n = 1000,
    /// batch 1024) a sample's state one epoch later is no closer than zero — the iteration counts were equal — and
    /// the per-sample gather and scatter took a third of the step (docs/benchmarks.md). It pays when the same samples
    /// return after small parameter changes (full-batch steps, a shard's own slice).
    /// </summary>
    public bool WarmStart { get; init; }

    /// <summary>Most memory the per-sample warm-start caches may take. Default 1 GiB.</summary>
    public long WarmStartMemoryLimit { get; init; } = 1L << 30;

    /// <summary>Penalties added to the loss (§4.3, §5, §6.1).</summary>
    public PenaltyOptions Penalties { get; init; } = new();

    /// <summary>Stop when the validation loss has not improved for this many epochs; null never stops early.</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>Checks every field; the message names the field and its value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public TrainingOptions Validate()
    {
        if (Epochs < 1) throw Bad(nameof(Epochs), Epochs, "must be at least 1");
        if (BatchSize < 1) throw Bad(nameof(BatchSize), BatchSize, "must be at least 1");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw Bad(nameof(LearningRate), LearningRate, "must be a positive number");
        if (!(Kappa > 0 && Kappa < 1)) throw Bad(nameof(Kappa), Kappa, "must be in (0, 1) so that the model stays well-posed");
        if (!(Momentum >= 0 && Momentum < 1)) throw Bad(nameof(Momentum), Momentum, "must be in [0, 1)");
        if (!Enum.IsDefined(Solver)) throw Bad(nameof(Solver), Solver, "must be " + SolverFactory.Accepted);
        if (!Enum.IsDefined(Optimizer)) throw Bad(nameof(Optimizer), Optimizer, "must be adam or sgd");
        if (EarlyStoppingPatience is < 1) throw Bad(nameof(EarlyStoppingPatience), EarlyStoppingPatience, "must be at least 1");
        Forward.Validate();
        Backward.Validate();
        Penalties.Validate();
        return this;
    }

    internal static ArgumentOutOfRangeException Bad(string name, object? value, string rule) =>
        new(name, value, string.Create(CultureInfo.InvariantCulture, $"Training option {name} = {value} {rule}."));
}
