using System.Numerics;
using Idl.Numerics.Models;

namespace Idl.Numerics.Robustness;

/// <summary>
/// Bounds on the state deviation x − x⁰ when the input moves inside the box set U_box = {|u − u⁰| ≤ σᵤ} (eq. 4.1)
/// or the cardinality set U_card, which also allows at most k changed inputs (eq. 4.2). None needs u⁰: the bounds
/// hold for every nominal input.
/// </summary>
public static class StateBounds
{
    /// <summary>Eq. 4.3: ‖x − x⁰‖∞ ≤ ‖|B|σᵤ‖∞ / (1 − ‖A‖∞) for a CONE map with ‖A‖∞ &lt; 1.</summary>
    /// <exception cref="ArgumentException">σᵤ has the wrong length or a negative entry, φ is not CONE, or ‖A‖∞ ≥ 1.</exception>
    public static double InfinityBox<T>(ImplicitModel<T> model, ReadOnlySpan<double> sigmaU) where T : unmanaged, IFloatingPointIeee754<T> =>
        InfinityCardinality(model, sigmaU, sigmaU.Length);

    /// <summary>
    /// Eq. 4.4: ‖x − x⁰‖∞ ≤ δ / (1 − ‖A‖∞) with δ = maxᵢ s_k(σᵤ ⊙ |B|ᵀeᵢ), s_k the sum of the k largest entries.
    /// With k = p it is eq. 4.3.
    /// </summary>
    public static double InfinityCardinality<T>(ImplicitModel<T> model, ReadOnlySpan<double> sigmaU, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Check(model, sigmaU, k);
        if (!model.Activation.IsCone)
            throw new ArgumentException($"Eq. 4.3-4.4 need a CONE map; φ is {model.Activation}. Use Componentwise (Theorem 4.1).", nameof(model));
        double norm = Norms.InfinityNorm(model.A);
        if (norm >= 1)
            throw new ArgumentException($"Eq. 4.3-4.4 need ‖A‖∞ < 1 but ‖A‖∞ = {norm:G6}; rescale the model (§2.5) or use Componentwise.", nameof(model));
        double delta = 0;
        var row = new double[model.InputSize];
        for (int i = 0; i < model.StateSize; i++)
        {
            for (int j = 0; j < row.Length; j++) row[j] = sigmaU[j] * Math.Abs(double.CreateTruncating(model.B[i, j]));
            delta = Math.Max(delta, TopSum(row, k));
        }
        return delta / (1 - norm);
    }

    /// <summary>
    /// Theorem 4.1: η(x − x⁰) ≤ σₓ, the least solution of σₓ = N(A, γ)σₓ + r with r = N(B, γ)σᵤ (box set), found by
    /// the fixed-point iteration of §4.2. With <paramref name="cardinality"/> k &lt; p the same proof gives
    /// rₗ = s_k(σᵤ ⊙ N(B, γ)ₗ), the bound for U_card. For a CONE map the blocks are the n states and η = |·|.
    /// </summary>
    /// <returns>σₓ, one entry per BLIP block of φ (n entries for a CONE map).</returns>
    /// <exception cref="InvalidOperationException">λ_PF(N(A, γ)) ≥ 1: the iteration does not converge.</exception>
    public static double[] Componentwise<T>(ImplicitModel<T> model, ReadOnlySpan<double> sigmaU, int? cardinality = null,
        NonnegativeFixedPoint? solver = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = cardinality ?? sigmaU.Length;
        Check(model, sigmaU, k);
        var nb = NormMatrices.OfB(model);
        var r = new Matrix<double>(nb.Rows, 1);
        var row = new double[nb.Cols];
        for (int l = 0; l < nb.Rows; l++)
        {
            for (int j = 0; j < row.Length; j++) row[j] = sigmaU[j] * nb[l, j];
            r[l, 0] = TopSum(row, k);
        }
        return (solver ?? new NonnegativeFixedPoint()).Solve(NormMatrices.OfA(model), r, "state-bound").Data;
    }

    /// <summary>s_k(v): the sum of the k largest entries of v ≥ 0.</summary>
    internal static double TopSum(double[] v, int k)
    {
        if (k >= v.Length) return v.Sum();
        var sorted = (double[])v.Clone();
        Array.Sort(sorted);
        double s = 0;
        for (int i = sorted.Length - 1; i >= sorted.Length - k; i--) s += sorted[i];
        return s;
    }

    private static void Check<T>(ImplicitModel<T> model, ReadOnlySpan<double> sigmaU, int k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        if (sigmaU.Length != model.InputSize)
            throw new ArgumentException($"σᵤ has length {sigmaU.Length} but the model takes p = {model.InputSize} inputs.", nameof(sigmaU));
        foreach (double s in sigmaU)
            if (!(s >= 0) || !double.IsFinite(s))
                throw new ArgumentException($"σᵤ must be finite and nonnegative; found {s}.", nameof(sigmaU));
        if (k < 0)
            throw new ArgumentOutOfRangeException(nameof(k), k, "The cardinality k must be nonnegative.");
    }
}
