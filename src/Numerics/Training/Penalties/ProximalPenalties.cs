using System.Numerics;
using Idl.Numerics.Models;

namespace Idl.Numerics.Training.Penalties;

/// <summary>Proximal steps of the non-smooth penalties, applied after each gradient step with step size η.</summary>
public static class ProximalPenalties
{
    /// <summary>prox of ηλ‖M‖₁ on A, B, C, D: soft-thresholding each entry by ηλ (§6.1).</summary>
    public static void L1<T>(ImplicitModel<T> model, double step, double lambda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (lambda <= 0) return;
        T t = T.CreateTruncating(step * lambda);
        foreach (var m in new[] { model.A, model.B, model.C, model.D })
            foreach (ref var v in m.Span)
                v = T.Abs(v) <= t ? T.Zero : v - T.CopySign(t, v);
    }

    /// <summary>
    /// prox of ηλΣⱼ‖(B; D)eⱼ‖₂ (eq. 5.1, α = 2): each input column of the stacked (B; D) shrinks by ηλ in norm,
    /// and to exactly zero when its norm is at most ηλ — the input feature is then dropped.
    /// </summary>
    public static void FeatureSelection<T>(ImplicitModel<T> model, double step, double lambda) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (lambda <= 0) return;
        double t = step * lambda;
        for (int j = 0; j < model.InputSize; j++)
        {
            double norm2 = 0;
            for (int i = 0; i < model.StateSize; i++) norm2 += Sq(model.B[i, j]);
            for (int i = 0; i < model.OutputSize; i++) norm2 += Sq(model.D[i, j]);
            double norm = Math.Sqrt(norm2);
            T scale = T.CreateTruncating(norm <= t ? 0 : 1 - t / norm);
            for (int i = 0; i < model.StateSize; i++) model.B[i, j] *= scale;
            for (int i = 0; i < model.OutputSize; i++) model.D[i, j] *= scale;
        }
    }

    private static double Sq<T>(T v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double d = double.CreateTruncating(v);
        return d * d;
    }
}
