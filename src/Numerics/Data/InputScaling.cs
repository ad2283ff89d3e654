namespace Idl.Numerics.Data;

/// <summary>
/// The input scaling of a training run, from sufficient statistics (Σx, Σx², m) so that a single process and a
/// cluster of shards — which only ship their sums — compute exactly the same standardisation. Images get one
/// global mean and std (as the PyTorch baseline's (x − 0.1307)/0.3081 for MNIST): per-pixel scaling would blow up
/// border pixels that are almost always zero. Tabular data gets per-column statistics, since its columns have
/// unrelated units; a column whose std is negligible against its mean keeps std 1.
/// </summary>
public static class InputScaling
{
    /// <summary>The accepted modes.</summary>
    public const string Modes = "auto, features, global, none";

    /// <summary><c>auto</c> becomes <c>global</c> for digits and MNIST and <c>features</c> otherwise.</summary>
    public static string Resolve(string mode, string dataSpec)
    {
        if (mode != "auto") return mode;
        string scheme = dataSpec.Split(':')[0].Trim().ToLowerInvariant();
        return scheme is "digits" or "mnist" ? "global" : "features";
    }

    /// <summary>Per-feature Σx and Σx² of <paramref name="data"/>'s inputs, in double.</summary>
    public static (double[] Sum, double[] Squares) Sums(Dataset data)
    {
        int p = data.FeatureCount;
        var (sum, squares) = (new double[p], new double[p]);
        var x = data.Inputs;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            sum[i % p] += v;
            squares[i % p] += v * v;
        }
        return (sum, squares);
    }

    /// <summary>The scaling for <paramref name="mode"/> from the sums of <paramref name="samples"/> samples; null for <c>none</c>.</summary>
    /// <exception cref="ArgumentException">The mode is not one of <see cref="Modes"/>.</exception>
    public static Standardization? FromSums(string mode, string dataSpec, ReadOnlySpan<double> sum, ReadOnlySpan<double> squares, long samples)
    {
        int p = sum.Length;
        switch (Resolve(mode, dataSpec))
        {
            case "none":
                return null;
            case "global":
            {
                double total = 0, totalSquares = 0;
                for (int j = 0; j < p; j++) (total, totalSquares) = (total + sum[j], totalSquares + squares[j]);
                double count = Math.Max((double)samples * p, 1), mean = total / count;
                double std = Math.Sqrt(Math.Max(totalSquares / count - mean * mean, 0));
                if (!(std > 0)) std = 1;
                return new Standardization(Enumerable.Repeat(mean, p).ToArray(), Enumerable.Repeat(std, p).ToArray());
            }
            case "features":
            {
                var (means, stds) = (new double[p], new double[p]);
                double m = Math.Max(samples, 1);
                for (int j = 0; j < p; j++)
                {
                    means[j] = sum[j] / m;
                    stds[j] = Math.Sqrt(Math.Max(squares[j] / m - means[j] * means[j], 0));
                    if (!(stds[j] > 1e-7 * (1 + Math.Abs(means[j])))) stds[j] = 1;
                }
                return new Standardization(means, stds);
            }
            default:
                throw new ArgumentException($"Unknown input scaling '{mode}'; expected one of: {Modes}.", nameof(mode));
        }
    }

    /// <summary>The scaling of <paramref name="train"/> for <paramref name="mode"/>.</summary>
    public static Standardization? Fit(string mode, string dataSpec, Dataset train)
    {
        var (sum, squares) = Sums(train);
        return FromSums(mode, dataSpec, sum, squares, train.SampleCount);
    }

    /// <summary>Per-output Σy and Σy² of a regression set's targets, in double.</summary>
    public static (double[] Sum, double[] Squares) TargetSums(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int q = data.OutputCount;
        var (sum, squares) = (new double[q], new double[q]);
        if (data.Task != DataTask.Regression) return (sum, squares);
        var y = data.Targets;
        for (int i = 0; i < y.Length; i++)
        {
            double v = y[i];
            sum[i % q] += v;
            squares[i % q] += v * v;
        }
        return (sum, squares);
    }

    /// <summary>
    /// The standardisation of regression targets from their sums (per output, as <c>features</c>): training on
    /// standardised targets needs no per-data-set learning rate, and RMSEs are still reported in the original units.
    /// </summary>
    public static Standardization TargetsFromSums(ReadOnlySpan<double> sum, ReadOnlySpan<double> squares, long samples) =>
        FromSums("features", "", sum, squares, samples)!;
}
