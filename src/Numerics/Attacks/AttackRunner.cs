using Idl.Numerics.Data;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Attacks;

/// <summary>Runs a saliency attack (§7.3.1) over a classification data set in batches, in float64.</summary>
public static class AttackRunner
{
    /// <summary>Attacks every sample of <paramref name="data"/> (already in the model's input units).</summary>
    /// <param name="method"><see cref="AttackMethod.Sensitivity"/> or <see cref="AttackMethod.Gradient"/>.</param>
    /// <param name="target">What the ranking measures (<see cref="SaliencyScores.For"/> lists the valid pairs).</param>
    /// <param name="lower">Per-input lower end of the valid range (e.g. from <see cref="InputRange"/>).</param>
    /// <param name="upper">Per-input upper end.</param>
    /// <param name="keep">How many attacked samples to return for display (the first ones that flip, else the first).</param>
    /// <param name="progress">Called with the number of samples done after each batch.</param>
    public static (AttackOutcome Outcome, IReadOnlyList<AttackedSample> Examples) Run(ImplicitModel<double> model, Dataset data,
        IEquilibriumSolver solver, AttackMethod method, SaliencyTarget target, SaliencyAttack attack, double[] lower, double[] upper,
        int keep = 0, int batchSize = 1000, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Task != DataTask.Classification)
            throw new ArgumentException($"Attacks need a classification data set; '{data.Name}' is {data.Task}.", nameof(data));
        var ranking = SaliencyScores.For(model, solver, method, target);
        var outcome = new AttackOutcome(0, attack.Count(model.InputSize), 0, 0, 0);
        var flipped = new List<AttackedSample>();
        var others = new List<AttackedSample>();
        for (int start = 0; start < data.SampleCount; start += batchSize)
        {
            var batch = data.Batch<double>(Enumerable.Range(start, Math.Min(batchSize, data.SampleCount - start)).ToArray());
            var clean = model.Predict(batch.U, solver);
            var scores = ranking.Of(batch, clean);
            var (u, changed) = (attack with { Seed = attack.Seed + start }).Apply(batch.U, scores, lower, upper);
            var attacked = model.Predict(u, solver).Output;
            int[] before = ArgMax(clean.Output), after = ArgMax(attacked), labels = batch.Labels!;
            int cleanCorrect = 0, flips = 0, attackedCorrect = 0;
            for (int s = 0; s < labels.Length; s++)
            {
                bool ok = before[s] == labels[s], flip = ok && after[s] != labels[s];
                cleanCorrect += ok ? 1 : 0;
                flips += flip ? 1 : 0;
                attackedCorrect += after[s] == labels[s] ? 1 : 0;
                var list = flip ? flipped : others;
                if (list.Count < keep) list.Add(Example(start + s, labels[s], before[s], after[s], batch.U, u, changed, s));
            }
            long moved = 0;
            foreach (bool c in changed) moved += c ? 1 : 0;
            outcome = outcome.Add(new AttackOutcome(labels.Length, outcome.PerturbedInputs, cleanCorrect, flips, attackedCorrect, moved));
            progress?.Invoke(outcome.Samples);
        }
        return (outcome, flipped.Concat(others).Take(keep).ToList());
    }

    /// <summary>Per-input minimum and maximum over the data set: the range random values are drawn from and clipped to.</summary>
    public static (double[] Lower, double[] Upper) InputRange(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int p = data.FeatureCount;
        var lo = Enumerable.Repeat(double.PositiveInfinity, p).ToArray();
        var hi = Enumerable.Repeat(double.NegativeInfinity, p).ToArray();
        for (int s = 0; s < data.SampleCount; s++)
        {
            var row = data.Features(s);
            for (int j = 0; j < p; j++) (lo[j], hi[j]) = (Math.Min(lo[j], row[j]), Math.Max(hi[j], row[j]));
        }
        return (lo, hi);
    }

    /// <summary>The row of the largest score in each column.</summary>
    public static int[] ArgMax(Matrix<double> scores) => ClassScores.ArgMax(scores);

    private static AttackedSample Example(int index, int label, int before, int after, Matrix<double> u, Matrix<double> attacked, bool[,] changed, int s)
    {
        int p = u.Rows;
        var a = new double[p];
        var b = new double[p];
        var c = new bool[p];
        for (int j = 0; j < p; j++) (a[j], b[j], c[j]) = (u[j, s], attacked[j, s], changed[j, s]);
        return new AttackedSample(index, label, before, after, a, b, c);
    }
}
