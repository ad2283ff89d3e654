using System.Numerics;
using Idl.Numerics.Activations;

namespace Idl.Numerics.WellPosedness;

/// <summary>
/// ‖A_IJ‖_{p_J→p_I} = max{‖A_IJ ξ‖_{p_I} : ‖ξ‖_{p_J} ≤ 1} for one block of eq. 2.4. Exact where a closed form exists
/// (a single column or row, p_J = 1, or p_I = p_J = 2); otherwise a stated upper bound, which keeps every condition
/// built on N(A, γ) sufficient.
/// </summary>
internal static class InducedNorms
{
    public static double Block<T>(Matrix<T> a, BlipBlock rows, BlipBlock cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // A 1-row or 1-column operand has the same value in every ℓp, so its p plays no part.
        if (cols.Size == 1) return ColumnNorm(a, rows, cols.Start, rows.P);
        if (rows.Size == 1) return RowNorm(a, rows.Start, cols, Dual(cols.P));
        if (cols.P == 1) return MaxColumnNorm(a, rows, cols, rows.P);
        if (rows.P == 2 && cols.P == 2) return SpectralNorm(a, rows, cols);
        // ‖ξ‖₁ ≤ n^(1−1/p)‖ξ‖_p, and ‖·‖_{1→q} is the largest column q-norm: a valid upper bound.
        return Math.Pow(cols.Size, 1.0 - 1.0 / cols.P) * MaxColumnNorm(a, rows, cols, rows.P);
    }

    private static double Dual(int p) => p == 1 ? double.PositiveInfinity : p / (p - 1.0);

    private static double MaxColumnNorm<T>(Matrix<T> a, BlipBlock rows, BlipBlock cols, double p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double max = 0;
        for (int c = cols.Start; c < cols.Start + cols.Size; c++) max = Math.Max(max, ColumnNorm(a, rows, c, p));
        return max;
    }

    private static double ColumnNorm<T>(Matrix<T> a, BlipBlock rows, int c, double p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<double> v = rows.Size <= 256 ? stackalloc double[rows.Size] : new double[rows.Size];
        for (int r = 0; r < rows.Size; r++) v[r] = double.CreateTruncating(a[rows.Start + r, c]);
        return VectorNorm(v, p);
    }

    private static double RowNorm<T>(Matrix<T> a, int r, BlipBlock cols, double p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<double> v = cols.Size <= 256 ? stackalloc double[cols.Size] : new double[cols.Size];
        for (int c = 0; c < cols.Size; c++) v[c] = double.CreateTruncating(a[r, cols.Start + c]);
        return VectorNorm(v, p);
    }

    /// <summary>‖v‖_p for p ≥ 1 or p = ∞ (also the block norms of the robustness bounds, §4).</summary>
    internal static double VectorNorm(ReadOnlySpan<double> v, double p)
    {
        double acc = 0;
        if (double.IsPositiveInfinity(p))
        {
            foreach (double x in v) acc = Math.Max(acc, Math.Abs(x));
            return acc;
        }
        if (p == 1)
        {
            foreach (double x in v) acc += Math.Abs(x);
            return acc;
        }
        foreach (double x in v) acc += Math.Pow(Math.Abs(x), p);
        return Math.Pow(acc, 1.0 / p);
    }

    private static double SpectralNorm<T>(Matrix<T> a, BlipBlock rows, BlipBlock cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var block = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(rows.Size, cols.Size,
            (r, c) => double.CreateTruncating(a[rows.Start + r, cols.Start + c]));
        return block.L2Norm();
    }
}
