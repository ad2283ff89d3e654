using Idl.Numerics.Models;
using Idl.Numerics.Robustness;

namespace Idl.Numerics.Compression;

/// <summary>Zeroes the lowest-ranked fraction of the entries of A (§5.4); B, C and D are kept, so Theorem 5.1 applies.</summary>
public static class Pruning
{
    /// <summary>Returns a copy of the model with <paramref name="fraction"/> of A's entries set to zero.</summary>
    /// <param name="meanAbsState">x̄ (length n) for <see cref="PruningCriterion.Sensitivity"/>; null uses 1 for every state.</param>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside [0, 1].</exception>
    public static ImplicitModel<double> Prune(ImplicitModel<double> model, double fraction, PruningCriterion criterion, double[]? meanAbsState = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(fraction >= 0 && fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The pruned fraction must be in [0, 1].");
        var score = Scores(model, criterion, meanAbsState);
        int count = (int)Math.Round(fraction * model.A.Length);
        var order = Enumerable.Range(0, model.A.Length).OrderBy(k => score[k]).Take(count);
        var a = model.A.Clone();
        foreach (int k in order) a.Data[k] = 0;
        return new ImplicitModel<double>(a, model.B, model.C, model.D, model.Activation, model.StateBias, model.OutputBias);
    }

    /// <summary>The score of every entry of A (row-major); lower is pruned first.</summary>
    public static double[] Scores(ImplicitModel<double> model, PruningCriterion criterion, double[]? meanAbsState = null)
    {
        int n = model.StateSize;
        var score = model.A.Data.Select(Math.Abs).ToArray();
        if (criterion == PruningCriterion.Magnitude) return score;
        if (meanAbsState is { } xbar && xbar.Length != n)
            throw new ArgumentException($"x̄ has length {xbar.Length} but n = {n}.", nameof(meanAbsState));
        // w = |A|ᵀw + |C|ᵀ1, i.e. wᵀ = 1ᵀ|C|(I − |A|)⁻¹, by the same monotone iteration as the bounds.
        var absC = Norms.Abs(model.C);
        var r = new Matrix<double>(n, 1);
        for (int o = 0; o < absC.Rows; o++) for (int i = 0; i < n; i++) r[i, 0] += absC[o, i];
        var w = new NonnegativeFixedPoint().Solve(Norms.Abs(model.A).Transpose(), r, "pruning-weight");
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) score[i * n + j] *= w[i, 0] * (meanAbsState?[j] ?? 1);
        return score;
    }
}
