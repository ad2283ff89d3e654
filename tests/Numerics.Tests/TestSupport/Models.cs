using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;

namespace Idl.Numerics.Tests.TestSupport;

/// <summary>Seeded random models and the activation maps the tests sweep over.</summary>
internal static class Models
{
    public static ActivationMap Map(string name, int n) => name switch
    {
        "mixed" => ActivationMap.Concat(ActivationMap.Uniform(Relu.Instance, n - 3), ActivationMap.Uniform(new BlockSoftmax(3), 3)),
        _ => ActivationMap.Uniform(ActivationParser.Parse(name), n),
    };

    public static TheoryData<string> ActivationNames() =>
        new() { "relu", "leaky_relu(0.1)", "tanh", "sigmoid", "identity", "softmax(3)", "mixed" };

    /// <summary>A random model with ‖A‖∞ = <paramref name="kappa"/> exactly (rows rescaled).</summary>
    public static ImplicitModel<T> Random<T>(int n, int p, int q, int seed, ActivationMap? phi = null, double kappa = 0.5, bool bias = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = Rand.Matrix<T>(n, n, seed);
        for (int i = 0; i < n; i++)
        {
            var row = a.Row(i);
            double s = Norms.RowAbsSum<T>(row);
            for (int j = 0; j < n; j++) row[j] *= T.CreateTruncating(kappa / s);
        }
        var rng = new Random(seed + 7);
        T[]? Vec(int len) => bias ? Enumerable.Range(0, len).Select(_ => T.CreateTruncating(rng.NextDouble() - 0.5)).ToArray() : null;
        return new ImplicitModel<T>(a, Rand.Matrix<T>(n, p, seed + 1), Rand.Matrix<T>(q, n, seed + 2), Rand.Matrix<T>(q, p, seed + 3),
            phi ?? ActivationMap.Uniform(Relu.Instance, n), Vec(n), Vec(q));
    }

    /// <summary>max ‖φ(AX + BU + b) − X‖ over all entries, in double.</summary>
    public static double FixedPointError<T>(ImplicitModel<T> model, Matrix<T> u, Matrix<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var next = new Matrix<T>(x.Rows, x.Cols);
        model.Activation.ForwardStep(model.A, x, model.InputTerm(u), next);
        return Tol.MaxAbsDiff(next, x);
    }
}
