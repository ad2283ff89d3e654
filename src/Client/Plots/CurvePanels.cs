using Idl.Grains.Contracts;

namespace Idl.Client.Plots;

/// <summary>The panels of <c>idl plot</c> and <c>idl train --plot</c>: the same curves as the dashboard's.</summary>
internal static class CurvePanels
{
    /// <summary>Loss and accuracy (or RMSE) per epoch; with a history, the per-step loss (restarts as vertical lines),
    /// the solver iterations per step and λ_PF(|A|) per epoch.</summary>
    public static IReadOnlyList<PlotPanel> Run(IReadOnlyList<EpochPoint> epochs, RunHistory? history = null)
    {
        double[] x = [.. epochs.Select(e => (double)e.Epoch)];
        var panels = new List<PlotPanel>
        {
            new("Loss per epoch", "epoch", "loss", [new("train loss", x, [.. epochs.Select(e => e.TrainLoss)]), .. Optional("test loss", epochs, e => e.TestLoss)]),
        };
        bool regression = epochs.Any(e => e.TestRmse is not null);
        panels.Add(regression
            ? new("Test RMSE per epoch", "epoch", "RMSE", Optional("test RMSE", epochs, e => e.TestRmse))
            : new("Test accuracy per epoch", "epoch", "accuracy", Optional("test accuracy", epochs, e => e.TestAccuracy)));
        if (history is { Steps.Count: > 0 } h)
        {
            double[] steps = [.. h.Steps.Select(p => (double)p.Step)];
            double[] restarts = [.. h.Events.Where(e => e.Kind != RunEventKind.Started).Select(e => (double)e.Step)];
            panels.Add(new("Training loss per step", "step", "loss", [new("loss", steps, [.. h.Steps.Select(p => p.Loss)])], restarts));
            panels.Add(new("Solver iterations per step", "step", "iterations",
                [new("forward", steps, [.. h.Steps.Select(p => p.ForwardIterations)]), new("adjoint", steps, [.. h.Steps.Select(p => p.BackwardIterations)])]));
        }
        if (history is { PerronFrobenius.Count: > 0 } pf)
        {
            double[] at = [.. pf.PerronFrobenius.Select(p => (double)p.Epoch)];
            panels.Add(new("λ_PF(|A|) per epoch (certified bounds)", "epoch", "λ_PF(|A|)",
                [new("upper", at, [.. pf.PerronFrobenius.Select(p => p.Upper)]), new("lower", at, [.. pf.PerronFrobenius.Select(p => p.Lower)])]));
        }
        return panels;
    }

    /// <summary>Each trial's test loss per epoch on one chart, and the sweep's metric against each parameter that varies.</summary>
    public static IReadOnlyList<PlotPanel> Sweep(SweepStatus sweep, IReadOnlyDictionary<string, IReadOnlyList<EpochSummary>> curves)
    {
        var panels = new List<PlotPanel>
        {
            new("Learning curves (test loss per epoch)", "epoch", "test loss", [.. curves.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
                new PlotSeries(c.Key, [.. c.Value.Select(e => (double)e.Epoch)], [.. c.Value.Select(e => e.TestLoss ?? e.TrainLoss)]))]),
        };
        var scored = sweep.Trials.Where(t => t.Metric is not null).ToList();
        foreach (var (name, get) in new (string, Func<TrialConfig, double>)[]
            { ("κ", c => c.Kappa), ("n", c => c.Hidden), ("learning rate", c => c.LearningRate), ("seed", c => c.Seed) })
            if (sweep.Trials.Select(t => get(t.Config)).Distinct().Count() > 1)
                panels.Add(new($"{sweep.Metric} against {name}", name, sweep.Metric,
                    [new(sweep.Metric, [.. scored.Select(t => get(t.Config))], [.. scored.Select(t => t.Metric!.Value)], Points: true)]));
        return panels;
    }

    private static PlotSeries[] Optional(string label, IReadOnlyList<EpochPoint> epochs, Func<EpochPoint, double?> get)
    {
        var known = epochs.Where(e => get(e) is not null).ToList();
        return known.Count == 0 ? [] : [new(label, [.. known.Select(e => (double)e.Epoch)], [.. known.Select(e => get(e)!.Value)])];
    }
}
