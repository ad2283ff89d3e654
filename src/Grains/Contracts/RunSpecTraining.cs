using Idl.Numerics.Training;

namespace Idl.Grains.Contracts;

/// <summary>The one mapping from a run's wire settings to the single process's <see cref="TrainingOptions"/>.</summary>
public static class RunSpecTraining
{
    /// <summary>The training options of <paramref name="spec"/>, validated.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    /// <exception cref="FormatException">The schedule is not a valid schedule.</exception>
    public static TrainingOptions Options(this RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var solver = spec.Solver ?? new SolverSettings();
        return new TrainingOptions
        {
            Epochs = spec.Epochs, BatchSize = spec.BatchSize, LearningRate = spec.LearningRate, Kappa = spec.Kappa,
            Optimizer = spec.Optimizer, Momentum = spec.Momentum, Schedule = LearningRateSchedule.Parse(spec.Schedule), Seed = spec.Seed,
            Solver = solver.Kind, Forward = solver.Options, Backward = solver.Options, WarmStart = spec.WarmStart,
            Penalties = new PenaltyOptions { L1 = spec.L1, FeatureSelection = spec.FeatureSelection, Robustness = spec.Robustness },
        }.Validate();
    }

    /// <summary>The command-line option that sets the <see cref="TrainingOptions"/> field named in a validation error
    /// (its <see cref="ArgumentException.ParamName"/>), so that both the single process and the cluster report
    /// "--lr", not "LearningRate".</summary>
    public static string OptionName(string? field) => field switch
    {
        "Epochs" => "--epochs", "BatchSize" => "--batch", "LearningRate" => "--lr", "Kappa" => "--kappa", "Momentum" => "--momentum",
        "Solver" => "--solver", "Optimizer" => "--optimizer", "EarlyStoppingPatience" => "--patience", "MaxIterations" => "--max-iter",
        "AbsoluteTolerance" => "--tol", "RelativeTolerance" => "--rtol",
        "Penalties.L1" => "--l1", "Penalties.FeatureSelection" => "--feature-selection", "Penalties.Robustness" => "--robustness",
        _ => "--" + field?.ToLowerInvariant(),
    };
}
