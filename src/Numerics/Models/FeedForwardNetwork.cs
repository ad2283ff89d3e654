using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Models;

/// <summary>
/// A dense feed-forward network (eq. 3.1): x₀ = u, x_{l+1} = φ_l(W_l x_l + b_l) for the hidden layers, and the
/// linear read-out ŷ = W_L x_L + b_L.
/// </summary>
public sealed class FeedForwardNetwork<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the network; consecutive layer sizes must chain.</summary>
    /// <exception cref="ArgumentException">A layer's input size differs from the previous layer's output size.</exception>
    public FeedForwardNetwork(IReadOnlyList<DenseLayer<T>> hidden, Matrix<T> outputWeights, T[]? outputBias = null)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(outputWeights);
        if (hidden.Count == 0) throw new ArgumentException("A feed-forward network needs at least one hidden layer.", nameof(hidden));
        for (int l = 0; l < hidden.Count; l++)
        {
            var layer = hidden[l];
            if (layer.Bias is not null && layer.Bias.Length != layer.Weights.Rows)
                throw new ArgumentException($"Layer {l} bias has length {layer.Bias.Length} but W is {layer.Weights.Shape}.", nameof(hidden));
            if (!layer.Activation.IsComponentwise && layer.Weights.Rows % layer.Activation.BlockSize != 0)
                throw new ArgumentException($"Layer {l} width {layer.Weights.Rows} is not a multiple of {layer.Activation.Name}'s block size.", nameof(hidden));
            int next = l + 1 < hidden.Count ? hidden[l + 1].Weights.Cols : outputWeights.Cols;
            if (layer.Weights.Rows != next)
                throw new ArgumentException($"Layer {l} outputs {layer.Weights.Rows} values (W is {layer.Weights.Shape}) but the next layer expects {next}.", nameof(hidden));
        }
        if (outputBias is not null && outputBias.Length != outputWeights.Rows)
            throw new ArgumentException($"Output bias has length {outputBias.Length} but W_L is {outputWeights.Shape}.", nameof(outputBias));
        (Hidden, OutputWeights, OutputBias) = (hidden, outputWeights, outputBias);
    }

    /// <summary>The hidden layers W₀ … W_{L−1} with their activations.</summary>
    public IReadOnlyList<DenseLayer<T>> Hidden { get; }

    /// <summary>The read-out W_L.</summary>
    public Matrix<T> OutputWeights { get; }

    /// <summary>The read-out bias b_L, or null.</summary>
    public T[]? OutputBias { get; }

    /// <summary>Input size p.</summary>
    public int InputSize => Hidden[0].Weights.Cols;

    /// <summary>Output size q.</summary>
    public int OutputSize => OutputWeights.Rows;

    /// <summary>The forward pass of eq. 3.1 on a batch U (p×m, samples as columns).</summary>
    public Matrix<T> Predict(Matrix<T> u)
    {
        Guard.Rows(u, InputSize, nameof(u));
        var x = u;
        foreach (var layer in Hidden)
        {
            var z = Gemm.Product(layer.Weights, x);
            AddBias(z, layer.Bias);
            ActivationMap.Uniform(layer.Activation, z.Rows).Forward(z, z);
            x = z;
        }
        var y = Gemm.Product(OutputWeights, x);
        AddBias(y, OutputBias);
        return y;
    }

    /// <summary>A random network with the given widths (weights uniform in ±1/√fan-in), for tests and data generation.</summary>
    public static FeedForwardNetwork<T> Random(int inputSize, IReadOnlyList<int> widths, int outputSize, Activation activation, int seed)
    {
        var rng = new Random(seed);
        Matrix<T> Weights(int rows, int cols)
        {
            var w = new Matrix<T>(rows, cols);
            double scale = 1 / Math.Sqrt(Math.Max(cols, 1));
            for (int i = 0; i < w.Length; i++) w.Data[i] = T.CreateTruncating((rng.NextDouble() * 2 - 1) * scale);
            return w;
        }
        T[] Bias(int len) => Enumerable.Range(0, len).Select(_ => T.CreateTruncating(rng.NextDouble() * 0.2 - 0.1)).ToArray();
        var layers = new List<DenseLayer<T>>();
        int fanIn = inputSize;
        foreach (int width in widths)
        {
            layers.Add(new DenseLayer<T>(Weights(width, fanIn), Bias(width), activation));
            fanIn = width;
        }
        return new FeedForwardNetwork<T>(layers, Weights(outputSize, fanIn), Bias(outputSize));
    }

    private static void AddBias(Matrix<T> m, T[]? bias)
    {
        if (bias is null) return;
        for (int i = 0; i < m.Rows; i++)
            foreach (ref var v in m.Row(i)) v += bias[i];
    }
}
