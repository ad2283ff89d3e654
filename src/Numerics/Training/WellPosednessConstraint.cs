using System.Numerics;
using Idl.Numerics.Models;
using Idl.Numerics.Projections;

namespace Idl.Numerics.Training;

/// <summary>
/// The feasible set of A during training: ‖A‖∞ ≤ κ for CONE maps (eq. 6.3, by the exact row-wise ℓ1 projection of
/// eq. 6.7) or ‖N(A, γ)‖∞ ≤ κ for blockwise maps, optionally intersected with a sparsity pattern (e.g. the strictly
/// upper block-triangular pattern of a feed-forward network, eq. 3.2). Entries outside the pattern are zeroed
/// first; soft-thresholding keeps them zero, so the result is the projection onto the intersection. B, C and D
/// can be given patterns too (eq. 3.2 feeds the input only to the first layer and reads out only the last).
/// <paramref name="projection"/> is the ℓ1 projection used (default <see cref="L1BallProjection.Exact"/>, one thread;
/// one with more threads projects the rows in parallel, with the same result to the bit since rows are independent).
/// </summary>
public sealed class WellPosednessConstraint(double kappa, bool[]? pattern = null, bool enforceNorm = true,
    bool[]? bPattern = null, bool[]? cPattern = null, bool[]? dPattern = null, L1BallProjection? projection = null)
{
    /// <summary>The row-wise ℓ1 projection of eq. 6.7.</summary>
    public L1BallProjection Projection { get; } = projection ?? L1BallProjection.Exact;

    /// <summary>κ.</summary>
    public double Kappa { get; } = kappa;

    /// <summary>Allowed entries of A (row-major), or null for all.</summary>
    public bool[]? Pattern { get; } = pattern;

    /// <summary>Whether the norm bound is enforced (off for a strictly triangular pattern, which is well-posed for any A).</summary>
    public bool EnforceNorm { get; } = enforceNorm;

    /// <summary>Projects the model's A (and masks B, C, D) in place.</summary>
    public void Project<T>(ImplicitModel<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Mask(model.A, Pattern);
        Mask(model.B, bPattern);
        Mask(model.C, cPattern);
        Mask(model.D, dPattern);
        if (!EnforceNorm) return;
        if (model.Activation.IsComponentwise) Projection.ProjectInPlace(model.A, Kappa);
        else BlipNormProjection.Project(model.A, model.Activation, Kappa, model.A);
    }

    private static void Mask<T>(Matrix<T> m, bool[]? mask) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (mask is null) return;
        if (mask.Length != m.Length)
            throw new ArgumentException($"A pattern of {mask.Length} entries does not fit a {m.Shape} matrix.", nameof(mask));
        var data = m.Span;
        for (int i = 0; i < data.Length; i++)
            if (!mask[i]) data[i] = T.Zero;
    }
}
