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
        var y = new double[m * q];
        var x = new double[n];
        var bu = new double[n];
        for (int i = 0; i < m; i++)
        {
            var ui = u.AsSpan(i * p, p);
            Array.Clear(bu);
            SyntheticData.MultiplyAdd(b, n, p, ui, bu);
            Solve(a, n, bu, x);
            var yi = y.AsSpan(i * q, q);
            SyntheticData.MultiplyAdd(c, q, n, x, yi);
            SyntheticData.MultiplyAdd(d, q, p, ui, yi);
        }
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

    /// <summary>Picard iteration x ← relu(Ax + Bu) from x = 0 until ‖Δx‖∞ ≤ 1e-12.</summary>
    private static void Solve(double[] a, int n, double[] bu, double[] x)
    {
        Array.Clear(x);
        var next = new double[n];
        // Contraction factor 0.5 from ‖A‖∞ ≤ 0.5: 1e-12 needs about 45 steps from any reasonable start; 200 is slack.
        for (int k = 0; k < 200; k++)
        {
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                double s = bu[i];
                for (int j = 0; j < n; j++) s += a[i * n + j] * x[j];
                next[i] = Math.Max(0, s);
                change = Math.Max(change, Math.Abs(next[i] - x[i]));
            }
            next.CopyTo(x, 0);
            if (change <= Tolerance) return;
        }
        throw new InvalidOperationException("Picard iteration did not reach 1e-12 in 200 steps although ||A||inf <= 0.5; this is a bug.");
    }
}
