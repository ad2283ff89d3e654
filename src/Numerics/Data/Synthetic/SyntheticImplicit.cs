using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Data;

/// <summary>
/// Data from a random well-posed implicit model (§7.2.1): x = relu(Ax + Bu), y = Cx + Du, with ‖A‖∞ ≤ 0.5 so the
/// fixed point is unique and Picard iteration converges at rate 0.5.
/// </summary>
public static class SyntheticImplicit
{
    /// <summary>Default number of samples for each of the train and test parts.</summary>
    public const int DefaultSamples = 1000;

    /// <summary>The row-sum bound κ on ‖A‖∞.</summary>
    public const double Kappa = 0.5;

    /// <summary>Picard stopping tolerance on ‖x_{k+1} − x_k‖∞.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>
    /// Generates samples u ~ N(0, I_p) and their outputs. The model (A, B, C, D) depends only on the seed, so the
    /// train and test parts share it; the inputs of the two parts come from different random streams.
    /// </summary>
    /// <remarks>Uses Samples, Seed, Inputs (p), Hidden (n), Outputs (q) and Task of <paramref name="options"/>.</remarks>
    public static Dataset Generate(DataPart part, SyntheticOptions? options = null)
    {
        options ??= new SyntheticOptions();
        options.Validate();
        int m = options.Samples ?? DefaultSamples, p = options.Inputs, n = options.Hidden, q = options.Outputs;
        var model = SeededRandom.For(options.Seed, SyntheticData.ModelStream);
        var a = SyntheticData.Gaussian(model, n, n, 1);
        ScaleRows(a, n);
        var b = SyntheticData.Gaussian(model, n, p, 1 / Math.Sqrt(p));
        var c = SyntheticData.Gaussian(model, q, n, 1 / Math.Sqrt(n));
        var d = SyntheticData.Gaussian(model, q, p, 1 / Math.Sqrt(p));

        var rng = SeededRandom.For(options.Seed, SyntheticData.InputStream(part));
        var u = SyntheticData.Gaussian(rng, m, p, 1);
        // One batched solve on the project's own model and solver: samples are columns.
        var implicitModel = new ImplicitModel<double>(new Matrix<double>(n, n, a), new Matrix<double>(n, p, b),
            new Matrix<double>(q, n, c), new Matrix<double>(q, p, d), ActivationMap.Uniform(Relu.Instance, n));
        var solver = new PicardSolver(new SolverOptions { AbsoluteTolerance = Tolerance, RelativeTolerance = 0, MaxIterations = 200 });
        var outputs = implicitModel.Predict(new Matrix<double>(m, p, u).Transpose(), solver);
        outputs.Equilibrium.EnsureConverged();
        var y = outputs.Output.Transpose().Data;
        return SyntheticData.Build(
            part == DataPart.Train ? "synthetic:implicit" : "synthetic:implicit/test",
            Dataset.Invariant($"random implicit model x = relu(Ax + Bu), y = Cx + Du, p={p} n={n} q={q}, ||A||inf <= {Kappa}, seed {options.Seed}"),
            options.Task, u, p, y, q);
    }

    /// <summary>Scales each row of A whose absolute sum exceeds κ down to κ, so ‖A‖∞ ≤ κ.</summary>
    internal static void ScaleRows(double[] a, int n)
    {
        for (int i = 0; i < n; i++)
        {
            var row = a.AsSpan(i * n, n);
            double sum = 0;
            foreach (double v in row) sum += Math.Abs(v);
            if (sum > Kappa)
                foreach (ref double v in row) v *= Kappa / sum;
        }
    }
}
