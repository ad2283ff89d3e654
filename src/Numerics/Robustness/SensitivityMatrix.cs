using System.Numerics;
using Idl.Numerics.Models;

namespace Idl.Numerics.Robustness;

/// <summary>
/// The sensitivity matrix of Theorem 4.2: |ŷ(u) − ŷ(u⁰)| ≤ S|u − u⁰| for all u, u⁰, with
/// S = N(C)(I − N(A, γ))⁻¹N(B, γ) + |D| (BLIP map; for a CONE map S = |C|(I − |A|)⁻¹|B| + |D|). The inverse is
/// never formed: X = (I − N(A, γ))⁻¹N(B, γ) is the limit of X ← N(A, γ)X + N(B, γ) (§4.3).
/// </summary>
public static class SensitivityMatrix
{
    /// <summary>Computes S (q×p) in float64.</summary>
    /// <exception cref="InvalidOperationException">λ_PF(N(A, γ)) ≥ 1.</exception>
    public static Matrix<double> Compute<T>(ImplicitModel<T> model, NonnegativeFixedPoint? solver = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        var x = (solver ?? new NonnegativeFixedPoint()).Solve(NormMatrices.OfA(model), NormMatrices.OfB(model), "sensitivity");
        var s = Norms.Abs(model.D);
        Kernels.Gemm.Multiply(NormMatrices.OfC(model), false, x, false, s, default(Kernels.ProductEpilogue<double>), accumulate: true);
        return s;
    }

    /// <summary>Σᵢ Sᵢⱼ for each input j: how much input j can move all outputs together; the attack's ranking (§7.3.1).</summary>
    public static double[] ColumnSums(Matrix<double> s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sums = new double[s.Cols];
        for (int i = 0; i < s.Rows; i++)
            for (int j = 0; j < s.Cols; j++) sums[j] += s[i, j];
        return sums;
    }
}
