using System.Globalization;
using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.StateMatrices;

/// <summary>
/// A = LRᵀ with L, R ∈ ℝⁿˣᵏ (§5.3). A·X is computed as L(RᵀX): Z = RᵀX ∈ ℝᵏˣᵐ is the paper's z = Rᵀx, and the two
/// products cost 4knm instead of 2n²m, so the iteration x ← φ(LRᵀx + Bu + b) is the z-iteration
/// z ← Rᵀφ(Lz + Bu + b) carried in x (same iterates, same cost) with the dense solve's stopping rule on x.
/// </summary>
public sealed class LowRankStateMatrix<T> : StateMatrix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Holds the factors by reference.</summary>
    /// <exception cref="ArgumentException">L and R differ in shape, or k is not in 1..n; the message names both shapes.</exception>
    public LowRankStateMatrix(Matrix<T> l, Matrix<T> r) : base(Check(l, r))
    {
        (L, R) = (l, r);
    }

    /// <summary>L, n×k.</summary>
    public Matrix<T> L { get; }

    /// <summary>R, n×k.</summary>
    public Matrix<T> R { get; }

    /// <summary>k.</summary>
    public int Rank => L.Cols;

    /// <inheritdoc />
    public override StateMatrixForm Form => StateMatrixForm.LowRank;

    /// <inheritdoc />
    public override long StoredBytes => 2L * L.Length * ScalarBytes;

    /// <inheritdoc />
    public override string Description => string.Create(CultureInfo.InvariantCulture, $"rank {Rank}");

    internal override int ScratchRows => Rank;

    internal override void Multiply(Matrix<T> x, Matrix<T> addend, Matrix<T> result, Matrix<T>? scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        Gemm.Multiply(R, true, x, false, scratch, default(ProductEpilogue<T>));
        Gemm.Multiply(L, false, scratch, false, result, default(AddEpilogue<T>), addend);
    }

    /// <inheritdoc />
    public override Matrix<T> ToDense() => Gemm.Product(L, false, R, true);

    // Σⱼ|(LRᵀ)ᵢⱼ| needs A's entries; a panel of rows at a time keeps the memory at O(n) instead of the n² of ToDense.
    private protected override double[] ComputeRowAbsSums()
    {
        const int panel = 64;
        int n = Size, k = Rank;
        var sums = new double[n];
        var rows = new T[Math.Min(panel, n) * n];
        for (int i0 = 0; i0 < n; i0 += panel)
        {
            int count = Math.Min(panel, n - i0);
            Gemm.Multiply(count, n, k, L.Data.AsSpan(i0 * k), k, false, R.Data, k, true, rows, n, default(ProductEpilogue<T>));
            for (int i = 0; i < count; i++) sums[i0 + i] = Norms.RowAbsSum<T>(rows.AsSpan(i * n, n));
        }
        return sums;
    }

    /// <inheritdoc />
    public override StateMatrix<TOut> Convert<TOut>() => new LowRankStateMatrix<TOut>(L.Convert<TOut>(), R.Convert<TOut>());

    private static int Check(Matrix<T> l, Matrix<T> r)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(r);
        if (l.Rows != r.Rows || l.Cols != r.Cols)
            throw new ArgumentException($"L is {l.Shape} and R is {r.Shape}; both must be n×k.", nameof(r));
        if (l.Cols < 1 || l.Cols > l.Rows)
            throw new ArgumentException($"L and R are {l.Shape}: the rank k = {l.Cols} must be in 1..n = {l.Rows}.", nameof(l));
        return l.Rows;
    }
}
