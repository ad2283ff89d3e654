using System.Numerics;
using Idl.Numerics.Gradients;
using Idl.Numerics.Models;

namespace Idl.Numerics.Training.Penalties;

/// <summary>
/// The convex robustness penalty of eq. 4.7, P = ½(‖B‖²∞ + ‖C‖²∞)/(1 − ‖A‖∞) + ‖D‖∞, an upper bound on the
/// Lipschitz constant ρ of the prediction rule in the ∞-norm (§4.3). Requires ‖A‖∞ &lt; 1.
/// </summary>
public static class RobustnessPenalty
{
    /// <summary>The value of P.</summary>
    public static double Value<T>(ImplicitModel<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double a = Norms.InfinityNorm(model.A), b = Norms.InfinityNorm(model.B), c = Norms.InfinityNorm(model.C);
        return 0.5 * (b * b + c * c) / (1 - a) + Norms.InfinityNorm(model.D);
    }

    /// <summary>Adds λ times a subgradient of P to the gradients (one maximal row of each ∞-norm).</summary>
    public static void AddSubgradient<T>(ImplicitModel<T> model, ModelGradient<T> gradient, double lambda)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(gradient);
        AddSubgradient(model, gradient.A, gradient.B, gradient.C, gradient.D, lambda);
    }

    /// <summary>Adds λ times a subgradient of P to the gradients ∇A, ∇B, ∇C, ∇D (one maximal row of each ∞-norm).</summary>
    public static void AddSubgradient<T>(ImplicitModel<T> model, Matrix<T> gradientA, Matrix<T> gradientB, Matrix<T> gradientC,
        Matrix<T> gradientD, double lambda)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (lambda <= 0) return;
        double a = Norms.InfinityNorm(model.A), b = Norms.InfinityNorm(model.B), c = Norms.InfinityNorm(model.C);
        double denom = 1 - a;
        if (!(denom > 0)) return; // outside the well-posed set the penalty is undefined; the projection restores ‖A‖∞ < 1
        AddRowSign(model.A, gradientA, lambda * 0.5 * (b * b + c * c) / (denom * denom));
        AddRowSign(model.B, gradientB, lambda * b / denom);
        AddRowSign(model.C, gradientC, lambda * c / denom);
        AddRowSign(model.D, gradientD, lambda);
    }

    // ∂‖M‖∞ ∋ e_{i*} sign(M_{i*,:}) for a row i* of largest absolute sum. After the projection of eq. 6.7 many rows of A
    // sit on ‖a‖₁ = κ, equal up to rounding: taking the first row within a relative 1e-9 of the maximum, rather than
    // the exact argmax, keeps the choice (and the trained model) from depending on how the gradient sums rounded,
    // e.g. on how many shards summed them.
    private static void AddRowSign<T>(Matrix<T> m, Matrix<T> g, double weight) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m.Rows == 0) return;
        double max = 0;
        for (int i = 0; i < m.Rows; i++) max = Math.Max(max, Norms.RowAbsSum<T>(m.Row(i)));
        int best = 0;
        while (best < m.Rows - 1 && Norms.RowAbsSum<T>(m.Row(best)) < max * (1 - 1e-9)) best++;
        T w = T.CreateTruncating(weight);
        var row = m.Row(best);
        var grow = g.Row(best);
        for (int j = 0; j < row.Length; j++) grow[j] += w * T.CreateTruncating(T.Sign(row[j]));
    }
}
