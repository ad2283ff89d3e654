using Idl.Numerics.Data;

namespace Idl.Client.Commands;

/// <summary>
/// The input scaling of a training run. Images get one global mean and std (as the PyTorch baseline's
/// (x − 0.1307)/0.3081 for MNIST): per-pixel scaling would blow up border pixels that are almost always zero.
/// Tabular data gets per-column statistics, since its columns have unrelated units.
/// </summary>
internal static class Scaling
{
    public static Standardization? Fit(string mode, string dataSpec, Dataset train)
    {
        string scheme = dataSpec.Split(':')[0].Trim().ToLowerInvariant();
        if (mode == "auto") mode = scheme is "digits" or "mnist" ? "global" : "features";
        return mode switch
        {
            "none" => null,
            "global" => Global(train),
            _ => Standardization.FitFeatures(train),
        };
    }

    private static Standardization Global(Dataset train)
    {
        double sum = 0, sumSq = 0;
        foreach (float v in train.Inputs)
        {
            sum += v;
            sumSq += (double)v * v;
        }
        long count = Math.Max(train.Inputs.Length, 1);
        double mean = sum / count;
        double std = Math.Sqrt(Math.Max(sumSq / count - mean * mean, 0));
        if (!(std > 0)) std = 1;
        return new Standardization(Enumerable.Repeat(mean, train.FeatureCount).ToArray(), Enumerable.Repeat(std, train.FeatureCount).ToArray());
    }
}
