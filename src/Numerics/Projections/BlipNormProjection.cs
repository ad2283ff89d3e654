using System.Globalization;
using System.Numerics;
using Idl.Numerics.Activations;

namespace Idl.Numerics.Projections;

/// <summary>
/// A map onto {A : ‖N(A, γ)‖∞ ≤ κ}, the convex BLIP well-posedness constraint of Remark 2.4, where N(A, γ) is the
/// matrix of induced norms of eq. 2.4. With blocks that have p = 1 or size 1, the constraint for block-row I is
/// Σ_J γ_I ‖A_IJ‖₁→₁ ≤ κ, and ‖A_IJ‖₁→₁ is the largest column abs-sum of A_IJ.
/// </summary>
/// <remarks>
/// <para>For each block-row I that violates its constraint, with m_J = ‖A_IJ‖₁→₁: (1) the budgets b = Π(m) are the
/// exact Euclidean projection of the vector m onto the ℓ1 ball of radius κ/γ_I; (2) every column of A_IJ whose
/// abs-sum exceeds b_J is projected exactly onto the ℓ1 ball of radius b_J. Then ‖A_IJ‖₁→₁ ≤ b_J and Σ_J b_J ≤ κ/γ_I,
/// so the output is feasible, and block-rows that already satisfy the constraint are left bit-identical (so the map
/// is idempotent).</para>
/// <para>This is a feasible map, <b>not</b> the Euclidean projection in general: the exact projection would share the
/// shrinkage among the columns of a block differently. When every block is 1×1 (componentwise maps, e.g. CONE) each
/// m_J is one |a_ij| and the map is exactly the row-wise ℓ1-ball projection of eq. 6.7 with radius κ/γᵢ — the same
/// values as <see cref="L1BallProjection.Exact"/>.</para>
/// <para>All ℓ1 subproblems use the exact sort-based threshold; the map runs on the caller's thread.</para>
/// </remarks>
public static class BlipNormProjection
{
    /// <summary>Maps <paramref name="source"/> into the set ‖N(A, γ)‖∞ ≤ κ, writing <paramref name="destination"/> (may alias).</summary>
    /// <exception cref="ArgumentOutOfRangeException">κ is not positive (or is NaN).</exception>
    /// <exception cref="ArgumentException">A is not square of the map's size, or holds a NaN or infinite entry.</exception>
    /// <exception cref="NotSupportedException">A block of size above 1 has pₗ ≠ 1.</exception>
    public static ProjectionResult Project<T>(Matrix<T> source, ActivationMap phi, double kappa, Matrix<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(phi);
        ArgumentNullException.ThrowIfNull(destination);
        L1BallProjection.ValidateKappa(kappa);
        Guard.Square(source, nameof(source));
        if (source.Rows != phi.Size)
            throw new ArgumentException($"A is {source.Shape} but the activation map covers {phi.Size} rows.", nameof(phi));
        Guard.SameShape(source, destination, nameof(destination));
        L1BallProjection.ValidateFinite(source, nameof(source));
        var blocks = phi.Blocks().ToArray();
        foreach (var b in blocks)
            if (b.Size > 1 && b.P != 1)
                throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                    $"The BLIP projection supports p = 1 or 1x1 blocks; the block at row {b.Start} has size {b.Size} and p = {b.P}."));
        if (!ReferenceEquals(source.Data, destination.Data)) source.Data.CopyTo(destination.Data, 0);
        var result = ProjectionResult.Empty;
        var norms = new double[blocks.Length];
        var budgets = new double[blocks.Length];
        var scratch = new double[Math.Max(blocks.Length, source.Rows)];
        var column = new T[2 * source.Rows];
        foreach (var rowBlock in blocks)
        {
            // γ = 0 would mean a constant block map: nothing to constrain.
            if (!(rowBlock.Gamma > 0)) continue;
            double radius = kappa / rowBlock.Gamma;
            for (int j = 0; j < blocks.Length; j++) norms[j] = BlockNorm(destination, rowBlock, blocks[j]);
            double total = L1BallKernels.AbsSum<double>(norms);
            if (total <= radius) continue;
            double mu = L1BallKernels.ThresholdByMichelot<double>(norms, radius, total, scratch);
            L1BallKernels.SoftThreshold<double, double>(norms, mu, budgets);
            mu = L1BallKernels.EnsureInside<double, double>(norms, radius, mu, budgets);
            for (int j = 0; j < blocks.Length; j++)
                ShrinkColumns(destination, rowBlock, blocks[j], budgets[j], column, scratch);
            result = result.Merge(new ProjectionResult(1, mu, 0, true));
        }
        return result;
    }

    /// <summary>Returns a new matrix mapped into ‖N(A, γ)‖∞ ≤ κ; see the type's remarks.</summary>
    public static Matrix<T> Project<T>(Matrix<T> a, ActivationMap phi, double kappa, out ProjectionResult result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        var destination = new Matrix<T>(a.Rows, a.Cols);
        result = Project(a, phi, kappa, destination);
        return destination;
    }

    /// <summary>‖A_IJ‖₁→₁: the largest column abs-sum of the block.</summary>
    private static double BlockNorm<T>(Matrix<T> a, BlipBlock rows, BlipBlock cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double max = 0;
        for (int c = cols.Start; c < cols.Start + cols.Size; c++) max = Math.Max(max, ColumnSum(a, rows, c));
        return max;
    }

    private static double ColumnSum<T>(Matrix<T> a, BlipBlock rows, int c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        for (int r = rows.Start; r < rows.Start + rows.Size; r++) sum += Math.Abs(double.CreateTruncating(a[r, c]));
        return sum;
    }

    /// <summary>Projects each column of block (I, J) whose abs-sum exceeds <paramref name="budget"/> onto that ℓ1 ball.</summary>
    private static void ShrinkColumns<T>(Matrix<T> a, BlipBlock rows, BlipBlock cols, double budget, T[] column, double[] scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var segment = column.AsSpan(0, rows.Size);
        for (int c = cols.Start; c < cols.Start + cols.Size; c++)
        {
            if (ColumnSum(a, rows, c) <= budget) continue;
            for (int r = 0; r < rows.Size; r++) segment[r] = a[rows.Start + r, c];
            // A single entry is set to sign·budget directly, so 1x1 blocks reproduce the row-wise soft-threshold exactly.
            if (rows.Size == 1)
            {
                T magnitude = T.CreateTruncating(budget);
                // Rounding to T must not push the entry above its budget (a no-op for double).
                if (double.CreateTruncating(magnitude) > budget) magnitude = T.BitDecrement(magnitude);
                segment[0] = double.CreateTruncating(segment[0]) < 0 ? -magnitude : magnitude;
            }
            else
            {
                var original = column.AsSpan(rows.Size, rows.Size);
                segment.CopyTo(original);
                double lambda = L1BallKernels.ThresholdByMichelot<T>(original, budget, L1BallKernels.AbsSum<T>(original), scratch);
                L1BallKernels.SoftThreshold<T, T>(original, lambda, segment);
                L1BallKernels.EnsureInside<T, T>(original, budget, lambda, segment);
            }
            for (int r = 0; r < rows.Size; r++) a[rows.Start + r, c] = segment[r];
        }
    }
}
