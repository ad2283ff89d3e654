using System.Numerics;

namespace Idl.Numerics.Solvers;

/// <summary>Copies chosen columns of row-major matrices, for the per-column active set.</summary>
internal static class ColumnSubset
{
    /// <summary>A new rows×count matrix holding columns <paramref name="columns"/>[0 … count) of <paramref name="source"/>.</summary>
    public static Matrix<T> Gather<T>(Matrix<T> source, int[] columns, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new Matrix<T>(source.Rows, count);
        for (int i = 0; i < source.Rows; i++)
        {
            var from = source.Row(i);
            var to = result.Row(i);
            for (int c = 0; c < count; c++) to[c] = from[columns[c]];
        }
        return result;
    }

    /// <summary>Writes column c of <paramref name="source"/> to column <paramref name="columns"/>[c] of <paramref name="target"/>, for c where <paramref name="take"/>(c).</summary>
    public static void Scatter<T>(Matrix<T> source, int[] columns, Matrix<T> target, Func<int, bool>? take = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < source.Rows; i++)
        {
            var from = source.Row(i);
            var to = target.Row(i);
            for (int c = 0; c < source.Cols; c++)
                if (take is null || take(c)) to[columns[c]] = from[c];
        }
    }
}
