using Idl.Grains.Contracts;

namespace Idl.Grains.Coordinator;

/// <summary>The run's input scaling from the shards' feature sums, by the single-process CLI's rule: one global mean
/// and std for images (digits, MNIST), per-feature statistics otherwise.</summary>
internal static class Scaling
{
    public static (double[]? Mean, double[]? Std) Fit(string mode, string dataSpec, IReadOnlyList<FeatureSums> parts)
    {
        string scheme = dataSpec.Split(':')[0].Trim().ToLowerInvariant();
        if (mode == "auto") mode = scheme is "digits" or "mnist" ? "global" : "features";
        if (mode == "none") return (null, null);
        int p = parts[0].Sum.Length;
        long m = parts.Sum(s => (long)s.Samples);
        var (sum, squares) = (new double[p], new double[p]);
        foreach (var part in parts)
            for (int j = 0; j < p; j++) (sum[j], squares[j]) = (sum[j] + part.Sum[j], squares[j] + part.SumSquares[j]);
        if (mode == "global")
        {
            double count = Math.Max((double)m * p, 1), mean = sum.Sum() / count;
            double std = Math.Sqrt(Math.Max(squares.Sum() / count - mean * mean, 0));
            if (!(std > 0)) std = 1;
            return (Enumerable.Repeat(mean, p).ToArray(), Enumerable.Repeat(std, p).ToArray());
        }
        var (means, stds) = (new double[p], new double[p]);
        for (int j = 0; j < p; j++)
        {
            means[j] = sum[j] / m;
            stds[j] = Math.Sqrt(Math.Max(squares[j] / m - means[j] * means[j], 0));
            if (!(stds[j] > 1e-7 * (1 + Math.Abs(means[j])))) stds[j] = 1;
        }
        return (means, stds);
    }
}
