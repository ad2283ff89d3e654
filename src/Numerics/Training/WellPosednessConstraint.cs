using System.Numerics;
using Idl.Numerics.Models;
using Idl.Numerics.Projections;

namespace Idl.Numerics.Training;

/// <summary>
/// The feasible set of A during training: ‖A‖∞ ≤ κ for CONE maps (eq. 6.3, by the exact row-wise ℓ1 projection of
/// eq. 6.7) or ‖N(A, γ)‖∞ ≤ κ for blockwise maps, optionally intersected with a sparsity pattern (e.g. the strictly
/// upper block-triangular pattern of a feed-forward network, eq. 3.2). Entries outside the pattern are zeroed
/// first; soft-thresholding keeps them zero, so the result is the projection onto the intersection.
/// </summary>
public sealed class WellPosednessConstraint(double kappa, bool[]? pattern = null, bool enforceNorm = true)
{
    /// <summary>κ.</summary>
    public double Kappa { get; } = kappa;

    /// <summary>Allowed entries of A (row-major), or null for all.</summary>
    public bool[]? Pattern { get; } = pattern;

    /// <summary>Whether the norm bound is enforced (off for a strictly triangular pattern, which is well-posed for any A).</summary>
    public bool EnforceNorm { get; } = enforceNorm;

    /// <summary>Projects the model's A in place.</summary>
    public void Project<T>(ImplicitModel<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Pattern is { } mask)
        {
            var a = model.A.Span;
            for (int i = 0; i < a.Length; i++)
                if (!mask[i]) a[i] = T.Zero;
        }
        if (!EnforceNorm) return;
        if (model.Activation.IsComponentwise) L1BallProjection.Exact.ProjectInPlace(model.A, Kappa);
        else BlipNormProjection.Project(model.A, model.Activation, Kappa, model.A);
    }
}
