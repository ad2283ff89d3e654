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
}
