using System.Numerics;

namespace Idl.Numerics.WellPosedness;

/// <summary>Entrywise quantities of A used by the well-posedness conditions of §2.3, all evaluated in double.</summary>
public static class MatrixNorms
{
    /// <summary>‖A‖∞ = maxᵢ Σⱼ |aᵢⱼ|, the induced ℓ∞ norm; ‖A‖∞ &lt; 1 is the convex CONE condition of Remark 2.4.</summary>
    public static double InfinityNorm<T>(Matrix<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        double max = 0;
        for (int i = 0; i < a.Rows; i++)
        {
            double sum = 0;
            foreach (T x in a.Row(i)) sum += Math.Abs(double.CreateTruncating(x));
            max = Math.Max(max, sum);
        }
        return max;
    }

    /// <summary>|A| entrywise, in double: the N(A, γ) of a CONE map with γ = 1 (§2.3).</summary>
    public static Matrix<double> Abs<T>(Matrix<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        var r = new Matrix<double>(a.Rows, a.Cols);
        for (int k = 0; k < a.Length; k++) r.Data[k] = Math.Abs(double.CreateTruncating(a.Data[k]));
        return r;
    }

    /// <summary>The fraction of entries that are exactly zero (1 for an empty matrix).</summary>
    public static double Sparsity<T>(Matrix<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Length == 0) return 1.0;
        int zeros = 0;
        foreach (T x in a.Data) zeros += T.IsZero(x) ? 1 : 0;
        return (double)zeros / a.Length;
    }
}
