using Idl.Numerics.Activations;
using Idl.Numerics.Models;

namespace Idl.Numerics.Data;

/// <summary>
/// Data from a random feed-forward ReLU network (§7.2.1): L hidden layers of width h with He-scaled Gaussian weights
/// and small Gaussian biases, a linear output layer, inputs u ~ N(0, I_p).
/// </summary>
public static class SyntheticFeedforward
{
    /// <summary>Default number of samples for each of the train and test parts.</summary>
    public const int DefaultSamples = 1000;

    /// <summary>
    /// Generates samples and the network's outputs; the network depends only on the seed, so train and test parts
    /// share it, with inputs from different random streams.
    /// </summary>
    /// <remarks>Uses Samples, Seed, Inputs (p), Hidden (h), Layers (L), Outputs (q) and Task of <paramref name="options"/>.</remarks>
    public static Dataset Generate(DataPart part, SyntheticOptions? options = null)
    {
        options ??= new SyntheticOptions();
        options.Validate();
        int m = options.Samples ?? DefaultSamples, p = options.Inputs, h = options.Hidden, q = options.Outputs;
        var model = SeededRandom.For(options.Seed, SyntheticData.ModelStream);
        var sizes = new int[options.Layers + 2];
        sizes[0] = p;
        for (int l = 1; l <= options.Layers; l++) sizes[l] = h;
        sizes[^1] = q;
        var weights = new double[sizes.Length - 1][];
        var biases = new double[sizes.Length - 1][];
        for (int l = 0; l < weights.Length; l++)
        {
            // He scaling keeps the activations' magnitude roughly constant through ReLU layers.
            weights[l] = SyntheticData.Gaussian(model, sizes[l + 1], sizes[l], Math.Sqrt(2.0 / sizes[l]));
            biases[l] = SyntheticData.Gaussian(model, sizes[l + 1], 1, 0.1);
        }

        var rng = SeededRandom.For(options.Seed, SyntheticData.InputStream(part));
        var u = SyntheticData.Gaussian(rng, m, p, 1);
        var layers = Enumerable.Range(0, weights.Length - 1)
            .Select(l => new DenseLayer<double>(new Matrix<double>(sizes[l + 1], sizes[l], weights[l]), biases[l], Relu.Instance))
            .ToList();
        var network = new FeedForwardNetwork<double>(layers, new Matrix<double>(q, sizes[^2], weights[^1]), biases[^1]);
        var y = network.Predict(new Matrix<double>(m, p, u).Transpose()).Transpose().Data;
        return SyntheticData.Build(
            part == DataPart.Train ? "synthetic:feedforward" : "synthetic:feedforward/test",
            Dataset.Invariant($"random ReLU network {string.Join("-", sizes)}, seed {options.Seed}"),
            options.Task, u, p, y, q);
    }
}
