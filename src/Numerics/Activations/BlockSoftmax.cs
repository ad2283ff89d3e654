using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace Idl.Numerics.Activations;

/// <summary>
/// Softmax (eq. 2.2) over each block of <see cref="BlockSize"/> consecutive state rows, per sample: a BLIP map,
/// 1-Lipschitz in the ℓ1 norm. Its Jacobian diag(s) − ssᵀ is symmetric, so the adjoint uses
/// Jᵀw = s ∘ w − s (sᵀw) — a Jacobian-vector product, not a diagonal.
/// </summary>
public sealed class BlockSoftmax : Activation
{
    /// <summary>Creates the map with blocks of <paramref name="blockSize"/> rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockSize"/> is below 1.</exception>
    public BlockSoftmax(int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        BlockSize = blockSize;
    }

    public override int BlockSize { get; }
    public override string Name => string.Create(CultureInfo.InvariantCulture, $"softmax({BlockSize})");
    public override double Lipschitz => 1.0;
    public override int NormP => 1;

    /// <inheritdoc />
    public override void Forward<T>(ReadOnlySpan<T> z, Span<T> x, int rows, int cols)
    {
        CheckRows(rows);
        T[] rented = ArrayPool<T>.Shared.Rent(2 * cols);
        var max = rented.AsSpan(0, cols);
        var sum = rented.AsSpan(cols, cols);
        for (int b = 0; b < rows; b += BlockSize)
        {
            // Row-wise sweeps keep every inner loop contiguous over the samples.
            z.Slice(b * cols, cols).CopyTo(max);
            for (int r = b + 1; r < b + BlockSize; r++)
            {
                var zr = z.Slice(r * cols, cols);
                for (int j = 0; j < cols; j++) max[j] = T.Max(max[j], zr[j]);
            }
            sum.Clear();
            for (int r = b; r < b + BlockSize; r++)
            {
                var zr = z.Slice(r * cols, cols);
                var xr = x.Slice(r * cols, cols);
                for (int j = 0; j < cols; j++)
                {
                    // Shifting by the block maximum keeps exp ≤ 1: no overflow for any finite input.
                    T e = T.Exp(zr[j] - max[j]);
                    xr[j] = e;
                    sum[j] += e;
                }
            }
            for (int r = b; r < b + BlockSize; r++)
            {
                var xr = x.Slice(r * cols, cols);
                for (int j = 0; j < cols; j++) xr[j] /= sum[j];
            }
        }
        ArrayPool<T>.Shared.Return(rented);
    }

    /// <inheritdoc />
    public override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> result, int rows, int cols)
    {
        CheckRows(rows);
        T[] rented = ArrayPool<T>.Shared.Rent(cols);
        var dot = rented.AsSpan(0, cols);
        for (int b = 0; b < rows; b += BlockSize)
        {
            dot.Clear();
            for (int r = b; r < b + BlockSize; r++)
            {
                var xr = x.Slice(r * cols, cols);
                var wr = w.Slice(r * cols, cols);
                for (int j = 0; j < cols; j++) dot[j] += xr[j] * wr[j];
            }
            for (int r = b; r < b + BlockSize; r++)
            {
                var xr = x.Slice(r * cols, cols);
                var wr = w.Slice(r * cols, cols);
                var rr = result.Slice(r * cols, cols);
                for (int j = 0; j < cols; j++) rr[j] = xr[j] * (wr[j] - dot[j]);
            }
        }
        ArrayPool<T>.Shared.Return(rented);
    }

    private void CheckRows(int rows)
    {
        if (rows % BlockSize != 0)
            throw new ArgumentException(
                $"A softmax segment of {rows} rows is not a whole number of blocks of {BlockSize}.", nameof(rows));
    }
}
