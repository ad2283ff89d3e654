using System.Numerics;
using Idl.Numerics.Activations;

namespace Idl.Numerics.WellPosedness;

/// <summary>
/// The L×L matrix of induced norms N(A, γ) of eq. 2.4: N_IJ = γ_I ‖A_IJ‖_{p_J→p_I} over the BLIP blocks of φ.
/// For p = 1 blocks ‖A_IJ‖₁→₁ is the largest column abs-sum; for a CONE map every block is 1×1 and N = γ∘|A|.
/// </summary>
public static class InducedNormMatrix
{
    /// <summary>Builds N(A, γ) for <paramref name="a"/> partitioned by <paramref name="phi"/>'s blocks.</summary>
    /// <exception cref="ArgumentException">A is not square or does not match the map's size.</exception>
    public static Matrix<double> Build<T>(Matrix<T> a, ActivationMap phi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(phi);
        Guard.Square(a, nameof(a));
        if (a.Rows != phi.Size)
            throw new ArgumentException($"A is {a.Shape} but the activation map covers {phi.Size} rows.", nameof(phi));
        var blocks = phi.Blocks().ToArray();
        var n = new Matrix<double>(blocks.Length, blocks.Length);
        for (int i = 0; i < blocks.Length; i++)
            for (int j = 0; j < blocks.Length; j++)
                n[i, j] = blocks[i].Gamma * InducedNorms.Block(a, blocks[i], blocks[j]);
        return n;
    }
}
