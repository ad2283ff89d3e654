using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;

namespace Idl.Numerics.Composition;

/// <summary>The implicit form of a dense feed-forward network (§3.2, eq. 3.2).</summary>
public static class FeedForwardConversion
{
    /// <summary>
    /// With state x = (x_L, …, x₁): A holds W_l in block (x_{l+1}, x_l), B holds W₀ in the block row of x₁, C holds
    /// W_L in the block column of x_L, D = 0; φ = (φ_{L−1}, …, φ₀) blockwise. A is strictly upper block-triangular,
    /// so the model is well-posed for any weights and <see cref="Solvers.TriangularSolver"/> solves it in one pass.
    /// </summary>
    public static ImplicitModel<T> ToImplicit<T>(this FeedForwardNetwork<T> network) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        int layers = network.Hidden.Count;
        // Block k holds x_{L−k}: hidden layer l (0-based) produces x_{l+1}, stored in block L−1−l.
        var sizes = new int[layers];
        for (int l = 0; l < layers; l++) sizes[layers - 1 - l] = network.Hidden[l].Weights.Rows;
        var aBlocks = new Matrix<T>?[layers, layers];
        for (int l = 1; l < layers; l++) aBlocks[layers - 1 - l, layers - l] = network.Hidden[l].Weights;
        var bBlocks = new Matrix<T>?[layers, 1];
        bBlocks[layers - 1, 0] = network.Hidden[0].Weights;
        var cBlocks = new Matrix<T>?[1, layers];
        cBlocks[0, 0] = network.OutputWeights;

        var a = BlockMatrix.Assemble(aBlocks, sizes, sizes);
        var b = BlockMatrix.Assemble(bBlocks, sizes, [network.InputSize]);
        var c = BlockMatrix.Assemble(cBlocks, [network.OutputSize], sizes);
        var d = new Matrix<T>(network.OutputSize, network.InputSize);
        var phi = ActivationMap.Concat(Enumerable.Range(0, layers).Reverse()
            .Select(l => ActivationMap.Uniform(network.Hidden[l].Activation, network.Hidden[l].Weights.Rows)).ToArray());
        bool anyBias = network.Hidden.Any(h => h.Bias is not null);
        var stateBias = anyBias
            ? BlockMatrix.Stack(Enumerable.Range(0, layers).Reverse().Select(l => (network.Hidden[l].Bias, network.Hidden[l].Weights.Rows)).ToArray())
            : null;
        return new ImplicitModel<T>(a, b, c, d, phi, stateBias, (T[]?)network.OutputBias?.Clone());
    }
}
