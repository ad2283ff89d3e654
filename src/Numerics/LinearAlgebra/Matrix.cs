using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Idl.Numerics;

/// <summary>
/// A dense, row-major matrix of <typeparamref name="T"/> (float or double) over one contiguous array.
/// </summary>
/// <remarks>
/// Row-major with samples as columns matches the paper's conventions (U is p×m, X is n×m) and makes every
/// per-sample reduction (convergence, softmax blocks) a vector loop over one row. MathNet's matrices are
/// column-major and are used only off the hot path (see <see cref="MathNetInterop"/>).
/// </remarks>
public sealed class Matrix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a zero matrix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative or the product overflows.</exception>
    public Matrix(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        Rows = rows;
        Cols = cols;
        Data = new T[checked(rows * cols)];
    }

    /// <summary>Wraps <paramref name="data"/> (not copied) as a <paramref name="rows"/>×<paramref name="cols"/> matrix.</summary>
    /// <exception cref="ArgumentException">The array length is not rows·cols.</exception>
    public Matrix(int rows, int cols, T[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != (long)rows * cols)
            throw new ArgumentException(
                $"Data has {data.Length} elements but a {rows}x{cols} matrix needs {(long)rows * cols}.", nameof(data));
        Rows = rows;
        Cols = cols;
        Data = data;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Cols { get; }

    /// <summary>The row-major storage; element (i, j) is at <c>i * Cols + j</c>.</summary>
    public T[] Data { get; }

    /// <summary>Rows·Cols.</summary>
    public int Length => Data.Length;

    /// <summary>Element (i, j).</summary>
    public T this[int i, int j]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Data[i * Cols + j];
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => Data[i * Cols + j] = value;
    }

    /// <summary>The whole storage as a span.</summary>
    public Span<T> Span => Data;

    /// <summary>Row <paramref name="i"/> as a span.</summary>
    public Span<T> Row(int i) => Data.AsSpan(i * Cols, Cols);

    /// <summary>A deep copy.</summary>
    public Matrix<T> Clone() => new(Rows, Cols, (T[])Data.Clone());

    /// <summary>Copies the contents of <paramref name="source"/> (same shape) into this matrix.</summary>
    public void CopyFrom(Matrix<T> source)
    {
        Guard.SameShape(this, source, nameof(source));
        source.Data.CopyTo(Data, 0);
    }

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => Array.Clear(Data);

    /// <summary>The transpose, as a new matrix.</summary>
    public Matrix<T> Transpose()
    {
        var t = new Matrix<T>(Cols, Rows);
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Cols; j++)
                t.Data[j * Rows + i] = Data[i * Cols + j];
        return t;
    }

    /// <summary>Builds a matrix from a rectangular array (row i, column j).</summary>
    public static Matrix<T> FromArray(T[,] values)
    {
        var m = new Matrix<T>(values.GetLength(0), values.GetLength(1));
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Cols; j++)
                m[i, j] = values[i, j];
        return m;
    }

    /// <summary>The identity matrix of order n.</summary>
    public static Matrix<T> Identity(int n)
    {
        var m = new Matrix<T>(n, n);
        for (int i = 0; i < n; i++) m[i, i] = T.One;
        return m;
    }

    /// <summary>Converts every element to <typeparamref name="TOut"/>.</summary>
    public Matrix<TOut> Convert<TOut>() where TOut : unmanaged, IFloatingPointIeee754<TOut>
    {
        var r = new Matrix<TOut>(Rows, Cols);
        for (int i = 0; i < Data.Length; i++) r.Data[i] = TOut.CreateTruncating(Data[i]);
        return r;
    }

    /// <summary>The shape as "rows x cols", for error messages.</summary>
    public string Shape => string.Create(CultureInfo.InvariantCulture, $"{Rows}x{Cols}");

    /// <inheritdoc />
    public override string ToString() => $"Matrix<{typeof(T).Name}> {Shape}";
}
