using System.Numerics;

namespace Idl.Numerics;

/// <summary>Matrix norms used by the well-posedness conditions.</summary>
public static class Norms
{
    /// <summary>Σⱼ |xⱼ| in double precision.</summary>
    public static double RowAbsSum<T>(ReadOnlySpan<T> row) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double s = 0;
        foreach (var v in row) s += Math.Abs(double.CreateTruncating(v));
        return s;
    }

    /// <summary>‖A‖∞ = maxᵢ Σⱼ |Aᵢⱼ| (Remark 2.4: ‖A‖∞ &lt; 1 implies λ_PF(|A|) &lt; 1).</summary>
    public static double InfinityNorm<T>(Matrix<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double max = 0;
        for (int i = 0; i < a.Rows; i++) max = Math.Max(max, RowAbsSum<T>(a.Row(i)));
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
