using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;

namespace Idl.Numerics.Training;

/// <summary>
/// Random starting models: every entry N(0, 1)/n, as the public PyTorch implementations (and our baseline) do,
/// then A projected so that training starts well-posed. The biases are the paper's appended constant input, i.e.
/// one more column of B and D, and are drawn the same way: zero biases would make every ReLU feature of a scalar
/// input kink at u = 0.
/// </summary>
public static class ModelInitializer
{
    /// <summary>A model with n states, p inputs, q outputs; biases zero when <paramref name="bias"/>.</summary>
    public static ImplicitModel<T> Create<T>(int n, int p, int q, ActivationMap activation, int seed, bool bias = true)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The state size n (hidden) must be at least 1.");
        if (p < 1) throw new ArgumentOutOfRangeException(nameof(p), p, "The input size p must be at least 1.");
        if (q < 1) throw new ArgumentOutOfRangeException(nameof(q), q, "The output size q must be at least 1.");
        var rng = new Random(seed);
        Matrix<T> Gaussian(int rows, int cols)
        {
            var m = new Matrix<T>(rows, cols);
            for (int i = 0; i < m.Length; i++) m.Data[i] = T.CreateTruncating(Normal(rng) / n);
            return m;
        }
        var (a, b, c, d) = (Gaussian(n, n), Gaussian(n, p), Gaussian(q, n), Gaussian(q, p));
        return new ImplicitModel<T>(a, b, c, d, activation, bias ? Gaussian(1, n).Data : null, bias ? Gaussian(1, q).Data : null);
    }

    // Box–Muller: two uniforms to one standard normal; deterministic for a seeded Random.
    private static double Normal(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
