using System.Numerics;

namespace Idl.Numerics;

/// <summary>Assembles a matrix from a grid of blocks, as written in the paper's composition formulas (§2.4, eq. 3.2).</summary>
public static class BlockMatrix
{
    /// <summary>
    /// Builds the matrix whose block (r, c) is <c>blocks[r, c]</c>, or zero where null; block rows have
    /// <paramref name="rowSizes"/> rows and block columns <paramref name="colSizes"/> columns.
    /// </summary>
    /// <exception cref="ArgumentException">A block's shape does not match its row and column sizes.</exception>
    public static Matrix<T> Assemble<T>(Matrix<T>?[,] blocks, int[] rowSizes, int[] colSizes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (blocks.GetLength(0) != rowSizes.Length || blocks.GetLength(1) != colSizes.Length)
            throw new ArgumentException("The block grid does not match the number of row and column sizes.", nameof(blocks));
        var result = new Matrix<T>(rowSizes.Sum(), colSizes.Sum());
        int r0 = 0;
        for (int r = 0; r < rowSizes.Length; r++)
        {
            int c0 = 0;
            for (int c = 0; c < colSizes.Length; c++)
            {
                if (blocks[r, c] is { } block)
                {
                    Guard.Shape(block, rowSizes[r], colSizes[c], $"block ({r}, {c})");
                    for (int i = 0; i < block.Rows; i++) block.Row(i).CopyTo(result.Row(r0 + i).Slice(c0));
                }
                c0 += colSizes[c];
            }
            r0 += rowSizes[r];
        }
        return result;
    }

    /// <summary>Stacks vectors (null counts as zeros of the given length).</summary>
    public static T[] Stack<T>(params (T[]? Values, int Length)[] parts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new T[parts.Sum(p => p.Length)];
        int offset = 0;
        foreach (var (values, length) in parts)
        {
            values?.CopyTo(result, offset);
            offset += length;
        }
        return result;
    }
}
