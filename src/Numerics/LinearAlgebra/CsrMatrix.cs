using System.Globalization;
using System.Numerics;

namespace Idl.Numerics;

/// <summary>
/// A sparse matrix in compressed sparse row form: row i holds the entries
/// <c>Values[RowOffsets[i] … RowOffsets[i+1])</c> at columns <c>ColumnIndices[…]</c>, strictly increasing within a
/// row. The pruned A of §5.4 is stored and multiplied this way (<see cref="Kernels.SparseProduct"/>).
/// </summary>
public sealed class CsrMatrix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the matrix after checking that the arrays describe one (a file's tensors are checked here).</summary>
    /// <exception cref="ArgumentException">
    /// Negative dimensions, RowOffsets not of length rows + 1, not starting at 0, decreasing or not ending at the number
    /// of values, column indices of another length, out of [0, cols) or not increasing within a row. The message names
    /// the row or entry.
    /// </exception>
    public CsrMatrix(int rows, int cols, T[] values, int[] columnIndices, int[] rowOffsets)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(rowOffsets);
        if (rows < 0 || cols < 0) throw Invalid($"the shape {rows}x{cols} is negative", nameof(rows));
        if (columnIndices.Length != values.Length)
            throw Invalid($"there are {values.Length} values but {columnIndices.Length} column indices", nameof(columnIndices));
        if (rowOffsets.Length != rows + 1)
            throw Invalid($"the row offsets have length {rowOffsets.Length} but must have rows + 1 = {rows + 1}", nameof(rowOffsets));
        if (rowOffsets[0] != 0) throw Invalid($"the row offsets start at {rowOffsets[0]}, not 0", nameof(rowOffsets));
        if (rowOffsets[rows] != values.Length)
            throw Invalid($"the row offsets end at {rowOffsets[rows]} but there are {values.Length} values", nameof(rowOffsets));
        // Monotone offsets first: with them (and the last one checked) every row's range lies inside the arrays.
        for (int i = 0; i < rows; i++)
            if (rowOffsets[i + 1] < rowOffsets[i])
                throw Invalid($"the row offsets decrease at row {i} ({rowOffsets[i]} then {rowOffsets[i + 1]})", nameof(rowOffsets));
        for (int i = 0; i < rows; i++)
        {
            int start = rowOffsets[i], end = rowOffsets[i + 1];
            for (int e = start; e < end; e++)
            {
                int j = columnIndices[e];
                if (j < 0 || j >= cols) throw Invalid($"column index {j} of entry {e} (row {i}) is outside [0, {cols})", nameof(columnIndices));
                if (e > start && j <= columnIndices[e - 1])
                    throw Invalid($"the column indices of row {i} are not strictly increasing ({columnIndices[e - 1]} then {j})", nameof(columnIndices));
            }
        }
        (Rows, Cols, Values, ColumnIndices, RowOffsets) = (rows, cols, values, columnIndices, rowOffsets);
    }

    /// <summary>Rows.</summary>
    public int Rows { get; }

    /// <summary>Columns.</summary>
    public int Cols { get; }

    /// <summary>The stored entries, row by row.</summary>
    public T[] Values { get; }

    /// <summary>The column of each stored entry.</summary>
    public int[] ColumnIndices { get; }

    /// <summary>Where each row's entries start; the last element is the number of entries.</summary>
    public int[] RowOffsets { get; }

    /// <summary>The number of stored entries.</summary>
    public int NonZeros => Values.Length;

    /// <summary>The nonzero entries of <paramref name="dense"/> (exact zeros are left out; NaN is kept).</summary>
    public static CsrMatrix<T> FromDense(Matrix<T> dense)
    {
        ArgumentNullException.ThrowIfNull(dense);
        int count = 0;
        foreach (var v in dense.Data) if (!T.IsZero(v)) count++;
        var values = new T[count];
        var columns = new int[count];
        var offsets = new int[dense.Rows + 1];
        int e = 0;
        for (int i = 0; i < dense.Rows; i++)
        {
            var row = dense.Row(i);
            for (int j = 0; j < row.Length; j++)
                if (!T.IsZero(row[j])) (values[e], columns[e++]) = (row[j], j);
            offsets[i + 1] = e;
        }
        return new CsrMatrix<T>(dense.Rows, dense.Cols, values, columns, offsets);
    }

    /// <summary>The same matrix, dense.</summary>
    public Matrix<T> ToDense()
    {
        var dense = new Matrix<T>(Rows, Cols);
        for (int i = 0; i < Rows; i++)
        {
            var row = dense.Row(i);
            for (int e = RowOffsets[i]; e < RowOffsets[i + 1]; e++) row[ColumnIndices[e]] = Values[e];
        }
        return dense;
    }

    /// <summary>Σⱼ|aᵢⱼ| for row <paramref name="i"/>, in double.</summary>
    public double RowAbsSum(int i) => Norms.RowAbsSum<T>(Values.AsSpan(RowOffsets[i], RowOffsets[i + 1] - RowOffsets[i]));

    /// <summary>The same matrix in another precision (the sparsity pattern is shared, not copied).</summary>
    public CsrMatrix<TOut> Convert<TOut>() where TOut : unmanaged, IFloatingPointIeee754<TOut> =>
        new(Rows, Cols, Values.Select(TOut.CreateTruncating).ToArray(), ColumnIndices, RowOffsets);

    private static ArgumentException Invalid(string problem, string name) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Not a CSR matrix: {problem}."), name);
}
