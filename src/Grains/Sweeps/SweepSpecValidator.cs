using System.Globalization;
using Idl.Grains.Contracts;
using Idl.Grains.Coordinator;

namespace Idl.Grains.Sweeps;

/// <summary>Checks a <see cref="SweepSpec"/>; every message names the option (as the CLI spells it), its value and the rule.</summary>
public static class SweepSpecValidator
{
    /// <summary>The most trials one sweep may hold.</summary>
    public const int MaxTrials = 10_000;

    /// <summary>Returns <paramref name="spec"/> when valid.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public static SweepSpec Validate(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Check("kappa", spec.Kappa, v => v > 0 && v < 1, "must be in (0, 1) so that every trial stays well-posed");
        Check("hidden", spec.Hidden, v => v >= 1 && v <= int.MaxValue && (spec.Hidden.IsRange || v == Math.Floor(v)), "must be whole numbers ≥ 1 (the state size n)");
        Check("lr", spec.LearningRate, v => v > 0 && double.IsFinite(v), "must be positive numbers");
        if (spec.Seeds.Length == 0) throw Bad("seed", "(none)", "must list at least one seed");
        if (spec.Search == SearchKind.Random && spec.Samples < 1) throw Bad("samples", spec.Samples, "must be at least 1");
        if (spec.Epochs < 1) throw Bad("epochs", spec.Epochs, "must be at least 1");
        if (spec.Concurrency < 1) throw Bad("concurrency", spec.Concurrency, "must be at least 1");
        if (spec.Eta < 2) throw Bad("eta", spec.Eta, "must be at least 2");
        if (spec.MinEpochs < 1) throw Bad("min-epochs", spec.MinEpochs, "must be at least 1");
        if (spec.MaxRetries < 0) throw Bad("max-retries", spec.MaxRetries, "must not be negative");
        if (spec.ProgressDeadline <= TimeSpan.Zero) throw Bad("progress-deadline", spec.ProgressDeadline, "must be positive");
        if (spec.CallTimeout <= TimeSpan.Zero) throw Bad("call-timeout", spec.CallTimeout, "must be positive");
        if (spec.PollInterval <= TimeSpan.Zero) throw Bad("poll-interval", spec.PollInterval, "must be positive");
        long count = SearchSpace.CountOf(spec);
        if (count > MaxTrials) throw Bad(spec.Search == SearchKind.Grid ? "kappa/--hidden/--lr/--seed" : "samples", count, $"trials exceed the limit of {MaxTrials}");
        var first = SearchSpace.Expand(spec with { Search = SearchKind.Random, Samples = 1 })[0];
        RunSpecValidator.Validate(TrialRun(spec, first));
        return spec;
    }

    /// <summary>The run of trial <paramref name="trial"/>: the template with the trial's κ, n, learning rate, seed,
    /// the sweep's epochs and, under ASHA, its rungs to hold at.</summary>
    public static RunSpec TrialRun(SweepSpec spec, TrialConfig trial) => spec.Template with
    {
        Kappa = trial.Kappa, Hidden = trial.Hidden, LearningRate = trial.LearningRate, Seed = trial.Seed, Epochs = spec.Epochs,
        // ASHA trials pause at each rung until the sweep has decided, so that a stop always comes before the run ends.
        HoldFirstEpoch = spec.Scheduler == SchedulerKind.Asha ? spec.MinEpochs : 0, HoldFactor = spec.Scheduler == SchedulerKind.Asha ? spec.Eta : 0,
    };

    /// <summary>A canonical text of every setting (records compare arrays by reference; this compares values).</summary>
    public static string Describe(SweepSpec spec) => string.Create(CultureInfo.InvariantCulture,
        $"{spec.Template}|{spec.Kappa}|{spec.Hidden}|{spec.LearningRate}|{string.Join(',', spec.Seeds)}|{spec.Search}|{spec.Samples}|{spec.SearchSeed}|{spec.Epochs}|{spec.Concurrency}|{spec.Scheduler}|{spec.Eta}|{spec.MinEpochs}|{spec.MaxRetries}|{spec.ProgressDeadline}|{spec.CallTimeout}|{spec.PollInterval}");

    private static void Check(string name, ParameterDomain domain, Func<double, bool> valid, string rule)
    {
        if (domain.IsRange)
        {
            if (!valid(domain.Min) || !valid(domain.Max)) throw Bad(name, domain, rule);
            if (!(domain.Min <= domain.Max)) throw Bad(name, domain, "must be a range min:max with min ≤ max");
            if (domain.LogScale && !(domain.Min > 0)) throw Bad(name, domain, "must be positive on a log scale");
            return;
        }
        if (domain.Values.Length == 0) throw Bad(name, "(empty)", "must list at least one value");
        foreach (double v in domain.Values)
            if (!valid(v)) throw Bad(name, v, rule);
    }

    private static ArgumentException Bad(string name, object? value, string rule) =>
        new(string.Create(CultureInfo.InvariantCulture, $"--{name} = {value} {rule}."));
}
