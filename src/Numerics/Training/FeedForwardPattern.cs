using Idl.Numerics.Models;

namespace Idl.Numerics.Training;

/// <summary>
/// The sparsity pattern of a dense feed-forward network in implicit form (eq. 3.2): L hidden layers of width
/// n/L (the last block takes the remainder), A strictly upper block-triangular with only the super-diagonal
/// blocks (x_{l+1} ← x_l), B feeding only x₁, C reading only x_L, and D = 0. Training an implicit model under this
/// pattern trains exactly the matching feed-forward network (the paper's baseline in §7).
/// </summary>
public static class FeedForwardPattern
{
    /// <summary>The constraint for <paramref name="layers"/> layers over n states, p inputs, q outputs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">layers is not in [1, n].</exception>
    public static WellPosednessConstraint Create(int n, int p, int q, int layers)
    {
        if (layers < 1 || layers > n)
            throw new ArgumentOutOfRangeException(nameof(layers), layers, $"A feed-forward pattern needs 1 to n = {n} layers.");
        // Block k holds x_{L−k}; block sizes are n/L with the remainder on the first block.
        var start = new int[layers + 1];
        for (int k = 0; k < layers; k++) start[k + 1] = start[k] + n / layers + (k == 0 ? n % layers : 0);
        int BlockOf(int row) => Array.FindLastIndex(start, s => s <= row) is var k && k >= layers ? layers - 1 : k;
        var a = new bool[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) a[i * n + j] = BlockOf(j) == BlockOf(i) + 1;
        var b = new bool[n * p];
        for (int i = start[layers - 1]; i < n; i++)
            for (int j = 0; j < p; j++) b[i * p + j] = true;
        var c = new bool[q * n];
        for (int i = 0; i < q; i++)
            for (int j = 0; j < start[1]; j++) c[i * n + j] = true;
        return new WellPosednessConstraint(kappa: 1, a, enforceNorm: false, b, c, new bool[q * p]);
    }
}
