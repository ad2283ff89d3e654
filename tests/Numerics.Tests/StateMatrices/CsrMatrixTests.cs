using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.StateMatrices;

public sealed class CsrMatrixTests
{
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1)]
    [InlineData(9, 0)]
    [InlineData(9, 0.3)]
    public void FromDense_ToDense_RoundTripsAndCountsNonzeros(int n, double density)
    {
        var dense = Sparse.Matrix<double>(n, n + 2, density, seed: n + 1);
        var csr = CsrMatrix<double>.FromDense(dense);
        Assert.Equal(dense.Data.Count(v => v != 0), csr.NonZeros);
        Assert.Equal(dense.Data, csr.ToDense().Data);
        for (int i = 0; i < n; i++) Tol.Close(Norms.RowAbsSum<double>(dense.Row(i)), csr.RowAbsSum(i), 1e-14, $"row {i}");
    }

    // Each case breaks one rule of a 3×3 matrix with entries (0,1), (1,0), (1,2).
    [Theory]
    [InlineData(new[] { 1, 2, 0 }, new[] { 0, 1, 3, 3 }, "strictly increasing")]
    [InlineData(new[] { 1, 0, 0 }, new[] { 0, 1, 3, 3 }, "strictly increasing")]
    [InlineData(new[] { 1, 0, 3 }, new[] { 0, 1, 3, 3 }, "outside [0, 3)")]
    [InlineData(new[] { 1, 0, -1 }, new[] { 0, 1, 3, 3 }, "outside [0, 3)")]
    [InlineData(new[] { 1, 0, 2 }, new[] { 0, 2, 1, 3 }, "decrease at row 1")]
    [InlineData(new[] { 1, 0, 2 }, new[] { 1, 1, 3, 3 }, "start at 1")]
    [InlineData(new[] { 1, 0, 2 }, new[] { 0, 1, 3, 2 }, "end at 2")]
    [InlineData(new[] { 1, 0, 2 }, new[] { 0, 1, 3 }, "rows + 1 = 4")]
    [InlineData(new[] { 1, 0 }, new[] { 0, 1, 3, 3 }, "3 values but 2 column indices")]
    public void Constructor_InconsistentArrays_ThrowsNamingTheProblem(int[] columns, int[] offsets, string problem)
    {
        var e = Assert.Throws<ArgumentException>(() => new CsrMatrix<double>(3, 3, [1.0, 2.0, 3.0], columns, offsets));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }
}
