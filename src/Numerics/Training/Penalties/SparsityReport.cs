using System.Numerics;
using Idl.Numerics.Models;

namespace Idl.Numerics.Training.Penalties;

/// <summary>
/// Which inputs and states a (penalised) model no longer uses (§5.1–5.2): an input feature is dropped when its
/// column of (B; D) is zero; a state is dropped when its column of (A; C) is zero, since nothing reads it.
/// </summary>
public sealed record SparsityReport(int[] DroppedFeatures, int[] DroppedStates, double ZeroFraction)
{
    /// <summary>Reads the pattern off <paramref name="model"/>, counting |x| ≤ <paramref name="threshold"/> as zero.</summary>
    public static SparsityReport Of<T>(ImplicitModel<T> model, double threshold = 1e-8) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool Zero(T v) => Math.Abs(double.CreateTruncating(v)) <= threshold;
        var features = Enumerable.Range(0, model.InputSize)
            .Where(j => Enumerable.Range(0, model.StateSize).All(i => Zero(model.B[i, j]))
                     && Enumerable.Range(0, model.OutputSize).All(i => Zero(model.D[i, j]))).ToArray();
        var states = Enumerable.Range(0, model.StateSize)
            .Where(j => Enumerable.Range(0, model.StateSize).All(i => Zero(model.A[i, j]))
                     && Enumerable.Range(0, model.OutputSize).All(i => Zero(model.C[i, j]))).ToArray();
        long zeros = 0, total = 0;
        foreach (var m in new[] { model.A, model.B, model.C, model.D })
        {
            total += m.Length;
            foreach (var v in m.Data) if (Zero(v)) zeros++;
        }
        return new SparsityReport(features, states, total == 0 ? 0 : (double)zeros / total);
    }
}
