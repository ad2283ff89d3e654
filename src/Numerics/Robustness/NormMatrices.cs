using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.WellPosedness;

namespace Idl.Numerics.Robustness;

/// <summary>
/// The matrices of block norms that the BLIP bounds of §4 are built from, over the blocks l ∈ [L] of φ:
/// N(A, γ) of eq. 2.4, N(B, γ)ₗᵢ = γₗ‖Bₗᵢ‖_{pₗ} of eq. 4.5 and N(C)ᵢₗ = ‖Cᵢₗ‖_{pₗ*} of Theorem 4.2. For a CONE map
/// every block is one row and these are γ∘|A|, γ∘|B| and |C|.
/// </summary>
public static class NormMatrices
{
    /// <summary>N(A, γ), L×L.</summary>
    public static Matrix<double> OfA<T>(ImplicitModel<T> model) where T : unmanaged, IFloatingPointIeee754<T> =>
        InducedNormMatrix.Build(model.A, model.Activation);

    /// <summary>N(B, γ), L×p (eq. 4.5).</summary>
    public static Matrix<double> OfB<T>(ImplicitModel<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        var blocks = model.Activation.Blocks().ToArray();
        var n = new Matrix<double>(blocks.Length, model.InputSize);
        for (int l = 0; l < blocks.Length; l++)
            for (int i = 0; i < model.InputSize; i++)
            {
                var v = new double[blocks[l].Size];
                for (int r = 0; r < v.Length; r++) v[r] = double.CreateTruncating(model.B[blocks[l].Start + r, i]);
                n[l, i] = blocks[l].Gamma * Norm(v, blocks[l].P);
            }
        return n;
    }

    /// <summary>N(C), q×L, with the dual norms pₗ* = pₗ/(pₗ − 1) (Theorem 4.2).</summary>
    public static Matrix<double> OfC<T>(ImplicitModel<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        var blocks = model.Activation.Blocks().ToArray();
        var n = new Matrix<double>(model.OutputSize, blocks.Length);
        for (int i = 0; i < model.OutputSize; i++)
            for (int l = 0; l < blocks.Length; l++)
            {
                var v = new double[blocks[l].Size];
                for (int r = 0; r < v.Length; r++) v[r] = double.CreateTruncating(model.C[i, blocks[l].Start + r]);
                double dual = blocks[l].P == 1 ? double.PositiveInfinity : blocks[l].P / (blocks[l].P - 1.0);
                n[i, l] = Norm(v, dual);
            }
        return n;
    }

    /// <summary>η(v) of eq. 1.2: the ℓ_{pₗ} norm of each block of a state-sized vector.</summary>
    public static double[] BlockNorms(ActivationMap phi, ReadOnlySpan<double> v)
    {
        ArgumentNullException.ThrowIfNull(phi);
        var blocks = phi.Blocks().ToArray();
        var eta = new double[blocks.Length];
        for (int l = 0; l < blocks.Length; l++) eta[l] = Norm(v.Slice(blocks[l].Start, blocks[l].Size), blocks[l].P);
        return eta;
    }

    private static double Norm(ReadOnlySpan<double> v, double p) => InducedNorms.VectorNorm(v, p);
}
