using System.Globalization;
using Idl.Grains.Contracts;
using Idl.Numerics.Activations;
using Idl.Numerics.Solvers;

namespace Idl.Grains.Coordinator;

/// <summary>Checks a <see cref="RunSpec"/>; every message names the setting, its value and the rule.</summary>
public static class RunSpecValidator
{
    /// <summary>Returns <paramref name="spec"/> when valid.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public static RunSpec Validate(RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.DataSpec)) throw Bad("data", spec.DataSpec, "must name a data source");
        if (spec.Hidden < 1) throw Bad("hidden", spec.Hidden, "must be at least 1 (the state size n)");
        if (spec.Shards is < 1 or > 4096) throw Bad("shards", spec.Shards, "must be between 1 and 4096");
        if (spec.CheckpointInterval < 1) throw Bad("checkpoint-interval", spec.CheckpointInterval, "must be at least 1");
        if (spec.Limit is < 1) throw Bad("limit", spec.Limit, "must be at least 1");
        if (spec.Standardize is not ("auto" or "global" or "features" or "none")) throw Bad("standardize", spec.Standardize, "must be auto, global, features or none");
        if (!Enum.IsDefined(spec.Precision)) throw Bad("precision", spec.Precision, "must be float32 or float64");
        if (spec.Solver.Kind is not (SolverKind.Picard or SolverKind.Anderson))
            throw Bad("solver", SolverFactory.Name(spec.Solver.Kind), "must be picard or anderson (a triangular solve needs --feedforward, which runs in one process)");
        if (!(spec.HoldOut >= 0 && spec.HoldOut < 1)) throw Bad("hold-out", spec.HoldOut, "must be in [0, 1)");
        if (spec.HoldFirstEpoch < 0) throw Bad("hold-first-epoch", spec.HoldFirstEpoch, "must be >= 0 (0: no holds)");
        if (spec.HoldFirstEpoch > 0 && spec.HoldFactor < 2) throw Bad("hold-factor", spec.HoldFactor, "must be at least 2 when the run holds at rungs");
        if (!(spec.Solver.Tolerance > 0)) throw Bad("tol", spec.Solver.Tolerance, "must be > 0");
        if (spec.Solver.MaxIterations < 1) throw Bad("max-iter", spec.Solver.MaxIterations, "must be at least 1");
        if (!(spec.Solver.RelativeTolerance >= 0 && spec.Solver.RelativeTolerance < 1)) throw Bad("rtol", spec.Solver.RelativeTolerance, "must be in [0, 1)");
        try { ActivationParser.Parse(spec.Activation); }
        catch (FormatException e) { throw Bad("activation", spec.Activation, e.Message); }
        // The training settings proper (epochs, batch, lr, κ, optimizer, momentum, schedule, penalties) are checked
        // by the one validation the single process uses too, so the two cannot drift; only the names are the CLI's.
        try { spec.Options(); }
        catch (ArgumentOutOfRangeException e) { throw new ArgumentException($"{RunSpecTraining.OptionName(e.ParamName)}: {e.Message.Split(" (Parameter")[0]}"); }
        catch (FormatException e) { throw Bad("schedule", spec.Schedule, e.Message); }
        return spec;
    }

    private static ArgumentException Bad(string name, object? value, string rule) =>
        new(string.Create(CultureInfo.InvariantCulture, $"--{name} = {value} {rule}."));
}
