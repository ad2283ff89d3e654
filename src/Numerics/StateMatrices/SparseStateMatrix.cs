using System.Globalization;
using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.StateMatrices;

/// <summary>A stored as compressed sparse rows (a pruned A, §5.4); A·X costs O(nnz·m) (<see cref="SparseProduct"/>).</summary>
public sealed class SparseStateMatrix<T> : StateMatrix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Holds <paramref name="a"/> by reference.</summary>
    /// <exception cref="ArgumentException">A is not square.</exception>
    public SparseStateMatrix(CsrMatrix<T> a) : base(CheckSquare(a)) => Matrix = a;

    /// <summary>A in CSR form.</summary>
    public CsrMatrix<T> Matrix { get; }

    /// <inheritdoc />
    public override StateMatrixForm Form => StateMatrixForm.Sparse;

    /// <summary>Values, I32 column indices and I64 row offsets, as a model file stores them.</summary>
    public override long StoredBytes => Bytes(Matrix.NonZeros, Size, ScalarBytes);

    /// <inheritdoc />
    public override string Description => string.Create(CultureInfo.InvariantCulture, $"sparse, {Matrix.NonZeros} nonzeros");

    /// <summary>
    /// The density above which the dense product is faster than the CSR one, so <see cref="Models.StructuredModel{T}"/>
    /// solves with the dense A: a CSR × dense-block product loads one vector of X per stored entry and vector of
    /// samples, where GEMM reuses each load from registers. Measured on the AMD EPYC build machine with AVX2 (n = 1000,
    /// 1024 samples, float32, <c>benchmarks/run.sh --ops forward,csr10,csr40</c>): CSR takes 0.66× the dense time at
    /// 10 % density and 2.7× at 40 % (docs/benchmarks.md).
    /// </summary>
    public const double DenseProductDensity = 0.15;

    /// <summary>nnz / n².</summary>
    public double Density => Size == 0 ? 0 : (double)Matrix.NonZeros / ((double)Size * Size);

    /// <summary>Bytes a CSR n×n matrix with <paramref name="nonZeros"/> entries takes in a model file.</summary>
    public static long Bytes(long nonZeros, int n, int scalarBytes) => nonZeros * (scalarBytes + sizeof(int)) + (n + 1L) * sizeof(long);

    internal override void Multiply(Matrix<T> x, Matrix<T> addend, Matrix<T> result, Matrix<T>? scratch) =>
        SparseProduct.Multiply(Matrix, x, result, addend);

    /// <inheritdoc />
    public override Matrix<T> ToDense() => Matrix.ToDense();

    /// <inheritdoc />
    public override StateMatrix<TOut> Convert<TOut>() => new SparseStateMatrix<TOut>(Matrix.Convert<TOut>());

    private protected override double[] ComputeRowAbsSums() => Enumerable.Range(0, Size).Select(Matrix.RowAbsSum).ToArray();

    private static int CheckSquare(CsrMatrix<T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Cols) throw new ArgumentException($"A must be square but is {a.Rows}x{a.Cols} ({a.NonZeros} nonzeros).", nameof(a));
        return a.Rows;
    }
}
