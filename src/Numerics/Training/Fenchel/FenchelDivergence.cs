using System.Numerics;

namespace Idl.Numerics.Training.Fenchel;

/// <summary>
/// The Fenchel divergence of the ReLU (eq. 6.8), F(x, z) = ½x² + ½(z₊)² − xz for x ≥ 0, summed over entries with
/// weights λᵢ per state row. F ≥ 0, and F(x, z) = 0 exactly when x = max(z, 0): the relaxed problem replaces the
/// equilibrium constraint X = φ(AX + BU) by the penalty λᵀF(X, AX + BU). F is convex in z for fixed x and in x for
/// fixed z (biconvex), which makes every block update of <see cref="FenchelTrainer{T}"/> a convex problem in its
/// own variables.
/// </summary>
public static class FenchelDivergence
{
    /// <summary>Σᵢ λᵢ Σⱼ F(Xᵢⱼ, Zᵢⱼ).</summary>
    public static double Value<T>(Matrix<T> x, Matrix<T> z, double[] lambda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.SameShape(x, z, nameof(z));
        double total = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            double row = 0;
            var xr = x.Row(i);
            var zr = z.Row(i);
            for (int j = 0; j < xr.Length; j++)
            {
                double xv = double.CreateTruncating(xr[j]), zv = double.CreateTruncating(zr[j]), zp = Math.Max(zv, 0);
                row += 0.5 * xv * xv + 0.5 * zp * zp - xv * zv;
            }
            total += lambda[i] * row;
        }
        return total;
    }

    /// <summary>∂/∂Z of the weighted divergence: λᵢ(Z₊ − X), written into <paramref name="result"/>.</summary>
    public static void GradientZ<T>(Matrix<T> x, Matrix<T> z, double[] lambda, Matrix<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < x.Rows; i++)
        {
            T l = T.CreateTruncating(lambda[i]);
            var xr = x.Row(i);
            var zr = z.Row(i);
            var rr = result.Row(i);
            for (int j = 0; j < xr.Length; j++) rr[j] = l * (T.Max(zr[j], T.Zero) - xr[j]);
        }
    }

    /// <summary>∂/∂X of the weighted divergence with Z held fixed: λᵢ(X − Z), added into <paramref name="result"/>.</summary>
    public static void AddGradientX<T>(Matrix<T> x, Matrix<T> z, double[] lambda, Matrix<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < x.Rows; i++)
        {
            T l = T.CreateTruncating(lambda[i]);
            var xr = x.Row(i);
            var zr = z.Row(i);
            var rr = result.Row(i);
            for (int j = 0; j < xr.Length; j++) rr[j] += l * (xr[j] - zr[j]);
        }
    }
}
