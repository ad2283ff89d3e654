using System.Numerics;
using Idl.Numerics.Data;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Robustness;

/// <summary>
/// Predictions that Theorem 4.2 proves robust: for every input u with |u − u⁰| ≤ σᵤ componentwise (the box of eq. 4.1)
/// the outputs move by at most δ = S·σᵤ, S the sensitivity matrix; so the predicted class i* of u⁰ cannot change when
/// ŷᵢ* − δᵢ* &gt; ŷⱼ + δⱼ for every other class j. No attack in the box can flip such a sample.
/// </summary>
public static class CertifiedPredictions
{
    /// <summary>Certifies every sample of <paramref name="data"/> (inputs scaled as the model expects).</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The samples; classification for certificates, regression for the output bound only.</param>
    /// <param name="sigmaU">σᵤ per input, ≥ 0.</param>
    /// <param name="solver">The equilibrium solver for the predictions.</param>
    /// <param name="sensitivity">S when already computed (<see cref="SensitivityMatrix.Compute{T}"/>), else null.</param>
    /// <exception cref="ArgumentException">Shapes disagree or a σ is negative or not finite.</exception>
    public static CertificationReport Run<T>(ImplicitModel<T> model, Dataset data, double[] sigmaU, IEquilibriumSolver solver,
        Matrix<double>? sensitivity = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sigmaU);
        ArgumentNullException.ThrowIfNull(solver);
        if (data.FeatureCount != model.InputSize || sigmaU.Length != model.InputSize)
            throw new ArgumentException($"The model takes {model.InputSize} inputs but the data has {data.FeatureCount} and sigma_u {sigmaU.Length}.");
        if (sigmaU.Any(s => !(s >= 0) || !double.IsFinite(s))) throw new ArgumentException("Every sigma_u must be finite and >= 0.", nameof(sigmaU));
        var s = sensitivity ?? SensitivityMatrix.Compute(model);
        var delta = new double[model.OutputSize];
        for (int i = 0; i < delta.Length; i++)
            for (int j = 0; j < sigmaU.Length; j++) delta[i] += s[i, j] * sigmaU[j];
        int correct = 0, certified = 0, both = 0;
        for (int start = 0; start < data.SampleCount; start += 1024)
        {
            int count = Math.Min(1024, data.SampleCount - start);
            var batch = data.Batch<T>(Enumerable.Range(start, count).ToArray());
            if (batch.Labels is not { } labels) continue;
            var y = model.Predict(batch.U, solver).Output;
            var predicted = ClassScores.ArgMax(y);
            for (int c = 0; c < count; c++)
            {
                int top = predicted[c];
                double low = double.CreateTruncating(y[top, c]) - delta[top], rival = double.NegativeInfinity;
                for (int i = 0; i < y.Rows; i++)
                    if (i != top) rival = Math.Max(rival, double.CreateTruncating(y[i, c]) + delta[i]);
                bool right = top == labels[c], proven = low > rival;
                correct += right ? 1 : 0;
                certified += proven ? 1 : 0;
                both += right && proven ? 1 : 0;
            }
        }
        return new CertificationReport(data.SampleCount, correct, certified, both, delta.Length == 0 ? 0 : delta.Average());
    }
}
