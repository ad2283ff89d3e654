using System.Numerics;
using Idl.Numerics.Kernels;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Kernels;

/// <summary>The CSR × dense-block product against the dense product of the same matrix (a property over random sparsity).</summary>
public sealed class SparseProductTests
{
    // 0 and 1 rows, around the vector widths (4/8/16 lanes) for the batch, and a size past them for n.
    private static readonly int[] Rows = [0, 1, 2, 7, 33];
    private static readonly int[] Batch = [0, 1, 3, 4, 7, 8, 9, 16, 17, 33];
    private static readonly double[] Densities = [0, 0.05, 0.3, 1];

    [Fact]
    public void Multiply_DoubleRandomSparsityWithEmptyRows_EqualsDenseProduct() => Sweep<double>(1e-12);

    [Fact]
    public void Multiply_FloatRandomSparsityWithEmptyRows_EqualsDenseProduct() => Sweep<float>(1e-5);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Multiply_SplitOverThreads_BitIdenticalToOneThread(int threads)
    {
        using var one = new KernelWorkers(1);
        using var many = new KernelWorkers(threads) { MinFlopsPerPart = 1 };
        int seed = 0;
        foreach (int n in new[] { 1, 2, 5, 40 })
            foreach (int m in new[] { 1, 9, 64 })
            {
                var csr = CsrMatrix<double>.FromDense(Sparse.Matrix<double>(n, n, 0.2, ++seed));
                var x = Rand.Matrix<double>(n, m, seed + 1);
                var addend = Rand.Matrix<double>(n, m, seed + 2);
                var (a, b) = (new Matrix<double>(n, m), new Matrix<double>(n, m));
                SparseProduct.Multiply(csr, x, a, addend, one);
                SparseProduct.Multiply(csr, x, b, addend, many);
                Assert.Equal(a.Data, b.Data);
            }
    }

    [Fact]
    public void Multiply_AddendIsResult_AddsInPlace()
    {
        var dense = Sparse.Matrix<double>(6, 6, 0.5, 3);
        var x = Rand.Matrix<double>(6, 5, 4);
        var result = Rand.Matrix<double>(6, 5, 5);
        var expected = result.Clone();
        Gemm.Multiply(dense, false, x, false, expected, default(ProductEpilogue<double>), accumulate: true);
        SparseProduct.Multiply(CsrMatrix<double>.FromDense(dense), x, result, result);
        Tol.Close(expected, result, 1e-12);
    }

    [Fact]
    public void Multiply_ResultIsX_ThrowsArgumentException()
    {
        var x = Rand.Matrix<double>(4, 4, 6);
        var e = Assert.Throws<ArgumentException>(() => SparseProduct.Multiply(CsrMatrix<double>.FromDense(x), x, x));
        Assert.Contains("must not be X", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multiply_XWithWrongRows_ThrowsNamingBothShapes()
    {
        var csr = CsrMatrix<double>.FromDense(Rand.Matrix<double>(4, 4, 7));
        var e = Assert.Throws<ArgumentException>(() => SparseProduct.Multiply(csr, new Matrix<double>(5, 2), new Matrix<double>(4, 2)));
        Assert.Contains("5x2", e.Message, StringComparison.Ordinal);
        Assert.Contains("4x4", e.Message, StringComparison.Ordinal);
    }

    private static void Sweep<T>(double tolerance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int seed = 0;
        foreach (int n in Rows)
            foreach (int m in Batch)
                foreach (double density in Densities)
                {
                    seed++;
                    var dense = Sparse.Matrix<T>(n, n, density, seed);
                    var x = Rand.Matrix<T>(n, m, seed + 1);
                    var addend = Rand.Matrix<T>(n, m, seed + 2);
                    var expected = new Matrix<T>(n, m);
                    Gemm.Multiply(dense, false, x, false, expected, default(AddEpilogue<T>), addend);
                    var result = Rand.Matrix<T>(n, m, seed + 3);
                    SparseProduct.Multiply(CsrMatrix<T>.FromDense(dense), x, result, addend);
                    Tol.Close(expected, result, tolerance);
                    var plain = Rand.Matrix<T>(n, m, seed + 4);
                    expected.Clear();
                    Gemm.Multiply(dense, false, x, false, expected, default(ProductEpilogue<T>));
                    SparseProduct.Multiply(CsrMatrix<T>.FromDense(dense), x, plain);
                    Tol.Close(expected, plain, tolerance);
                }
    }
}
