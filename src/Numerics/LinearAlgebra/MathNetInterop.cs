using System.Numerics;
using MN = MathNet.Numerics.LinearAlgebra;

namespace Idl.Numerics;

/// <summary>
/// Conversions between <see cref="Matrix{T}"/> and MathNet.Numerics matrices, for the off-hot-path work
/// MathNet does well (factorisations, eigenvalues, least squares). Never use MathNet's multiply in a loop:
/// it runs at ~1.5 % of this CPU's peak.
/// </summary>
public static class MathNetInterop
{
    /// <summary>Copies into a MathNet dense matrix of doubles.</summary>
    public static MN.Matrix<double> ToMathNet<T>(this Matrix<T> m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = MN.Matrix<double>.Build.Dense(m.Rows, m.Cols);
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Cols; j++)
                r[i, j] = double.CreateTruncating(m[i, j]);
        return r;
    }

    /// <summary>Copies a MathNet matrix of doubles into a <see cref="Matrix{T}"/>.</summary>
    public static Matrix<T> FromMathNet<T>(MN.Matrix<double> m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new Matrix<T>(m.RowCount, m.ColumnCount);
        for (int i = 0; i < r.Rows; i++)
            for (int j = 0; j < r.Cols; j++)
                r[i, j] = T.CreateTruncating(m[i, j]);
        return r;
    }
}
