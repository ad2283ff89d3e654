namespace Idl.Numerics.Attacks;

/// <summary>
/// The attacks of §7.3.1: perturb, in each sample, the <see cref="Fraction"/> of inputs with the highest score —
/// one ranking shared by every sample or one per sample, as <see cref="SaliencyScores"/> computes them.
/// </summary>
/// <param name="Fraction">Share of the p inputs to perturb, in (0, 1]; at least one input when positive.</param>
/// <param name="Kind">Sparse random replacement or dense ±ε.</param>
/// <param name="Epsilon">The dense step, in model input units.</param>
/// <param name="Seed">Seeds the random values and signs.</param>
public sealed record SaliencyAttack(double Fraction, PerturbationKind Kind = PerturbationKind.Sparse, double Epsilon = 0.1, int Seed = 0)
{
    /// <summary>The number of inputs perturbed out of <paramref name="p"/>.</summary>
    public int Count(int p)
    {
        if (!(Fraction > 0 && Fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(Fraction), Fraction, "The fraction of perturbed inputs must be in (0, 1].");
        return Math.Clamp((int)Math.Round(Fraction * p), 1, p);
    }

    /// <summary>
    /// Returns a perturbed copy of <paramref name="u"/> (p×m) and the mask of the entries whose value moved (a chosen input
    /// that the range clips back onto its old value, as a dense step out of a pixel already at 0, is not marked). <paramref name="scores"/>
    /// has one row per input and either one column (shared ranking) or m columns (per-sample ranking).
    /// </summary>
    /// <param name="lower">Per-input lower end of the valid range.</param>
    /// <param name="upper">Per-input upper end of the valid range.</param>
    public (Matrix<double> Perturbed, bool[,] Changed) Apply(Matrix<double> u, Matrix<double> scores, double[] lower, double[] upper)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(scores);
        int p = u.Rows, m = u.Cols;
        if (scores.Rows != p || (scores.Cols != 1 && scores.Cols != m))
            throw new ArgumentException($"Scores are {scores.Shape} but U is {u.Shape}; scores need {p} rows and 1 or {m} columns.", nameof(scores));
        if (lower.Length != p || upper.Length != p)
            throw new ArgumentException($"The input range has lengths {lower.Length}/{upper.Length} but p = {p}.", nameof(lower));
        if (Kind == PerturbationKind.Dense && !(Epsilon > 0))
            throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "A dense attack needs ε > 0.");
        int count = Count(p);
        var rng = new Random(Seed);
        var result = u.Clone();
        var changed = new bool[p, m];
        int[]? shared = scores.Cols == 1 ? TopIndices(scores, 0, count) : null;
        for (int s = 0; s < m; s++)
        {
            foreach (int j in shared ?? TopIndices(scores, s, count))
            {
                double v = Kind == PerturbationKind.Sparse
                    ? lower[j] + rng.NextDouble() * (upper[j] - lower[j])
                    : Math.Clamp(u[j, s] + (rng.Next(2) == 0 ? -Epsilon : Epsilon), lower[j], upper[j]);
                result[j, s] = v;
                changed[j, s] = v != u[j, s];
            }
        }
        return (result, changed);
    }

    // OrderBy is stable: ties keep the lower input index first, so runs are reproducible.
    private static int[] TopIndices(Matrix<double> scores, int column, int count) =>
        Enumerable.Range(0, scores.Rows).OrderByDescending(j => scores[j, column]).Take(count).ToArray();
}
