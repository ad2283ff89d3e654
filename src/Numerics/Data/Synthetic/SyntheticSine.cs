namespace Idl.Numerics.Data;

/// <summary>
/// The one-dimensional regression of §7.1: f(u) = 5 cos(πu) e^(−|u|/2), inputs uniform on [−5, 5],
/// outputs y = f(u) + w with w uniform on [−1, 1] (so the noise has standard deviation 1/√3 ≈ 0.57).
/// </summary>
public static class SyntheticSine
{
    /// <summary>Default training size (the paper's m = 200).</summary>
    public const int DefaultTrainSamples = 200;

    /// <summary>Default size of the noise-free held-out set.</summary>
    public const int DefaultTestSamples = 1000;

    /// <summary>The input interval [−5, 5] of §7.1.</summary>
    public const double Lower = -5, Upper = 5;

    /// <summary>f(u) = 5 cos(πu) exp(−|u|/2).</summary>
    public static double F(double u) => 5 * Math.Cos(Math.PI * u) * Math.Exp(-Math.Abs(u) / 2);

    /// <summary>
    /// Train: m (default 200) inputs uniform on [−5, 5] with noisy targets f(u) + w, w ~ U[−noise, noise].
    /// Test: m (default 1,000) evenly spaced points from −5 to 5 with noise-free targets f(u), for measuring RMSE
    /// against f and for plotting (Figure 4); it does not depend on the seed.
    /// </summary>
    /// <remarks>Uses <see cref="SyntheticOptions.Samples"/>, <see cref="SyntheticOptions.Seed"/> and
    /// <see cref="SyntheticOptions.Noise"/>; the task is always regression with p = q = 1.</remarks>
    public static Dataset Generate(DataPart part, SyntheticOptions? options = null)
    {
        options ??= new SyntheticOptions();
        options.Validate();
        if (part == DataPart.Test)
        {
            int n = options.Samples ?? DefaultTestSamples;
            var grid = new double[n];
            for (int i = 0; i < n; i++) grid[i] = n == 1 ? 0 : Lower + (Upper - Lower) * i / (n - 1);
            return SyntheticData.Build("synthetic:sine/test", Dataset.Invariant($"f(u) = 5 cos(pi u) exp(-|u|/2) on a {n}-point grid over [-5, 5], noise-free"),
                DataTask.Regression, grid, 1, Array.ConvertAll(grid, F), 1);
        }
        int m = options.Samples ?? DefaultTrainSamples;
        var rng = SeededRandom.For(options.Seed, SyntheticData.TrainStream);
        var u = new double[m];
        var y = new double[m];
        for (int i = 0; i < m; i++)
        {
            u[i] = rng.Uniform(Lower, Upper);
            y[i] = F(u[i]) + rng.Uniform(-options.Noise, options.Noise);
        }
        return SyntheticData.Build("synthetic:sine", Dataset.Invariant(
            $"f(u) = 5 cos(pi u) exp(-|u|/2) + U[-{options.Noise}, {options.Noise}] noise, u ~ U[-5, 5] (paper section 7.1), seed {options.Seed}"),
            DataTask.Regression, u, 1, y, 1);
    }
}
