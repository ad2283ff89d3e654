using Idl.Numerics.Projections;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Projections;

public sealed class L1BallProjectionTests
{
    public static TheoryData<L1ProjectionMethod> Methods => [L1ProjectionMethod.Sort, L1ProjectionMethod.Michelot, L1ProjectionMethod.Bisection];

    private static L1BallProjection Of(L1ProjectionMethod method) => new(method);

    private static double RowL1(Matrix<double> m, int i) => m.Row(i).ToArray().Sum(Math.Abs);

    [Theory]
    [MemberData(nameof(Methods))]
    public void Project_RandomRows_EveryRowInsideBall(L1ProjectionMethod method)
    {
        foreach (int n in new[] { 1, 2, 7, 8, 9, 64 })
        {
            var a = Rand.Matrix<double>(n, n, seed: 100 + n, scale: 3.0);
            var p = Of(method).Project(a, 0.7, out var result);
            for (int i = 0; i < n; i++)
                Assert.True(RowL1(p, i) <= 0.7 * (1 + 1e-12), $"n={n} row {i}: ‖p‖₁ = {RowL1(p, i):R}");
            Assert.True(result.Converged);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Project_AppliedTwice_SecondIsIdentity(L1ProjectionMethod method)
    {
        var once = Of(method).Project(Rand.Matrix<double>(20, 20, seed: 1, scale: 2.0), 0.9, out var first);
        var twice = Of(method).Project(once, 0.9, out var second);
        Assert.Equal(20, first.RowsProjected);
        Assert.Equal(0, second.RowsProjected);
        Assert.Equal(once.Data, twice.Data);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Project_SmallRows_MatchesFaceEnumeration(L1ProjectionMethod method)
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 60; trial++)
        {
            int n = 1 + trial % 6;
            var row = Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 2 - 1) * 3).ToArray();
            double kappa = 0.1 + rng.NextDouble() * 2;
            var p = Of(method).Project(new Matrix<double>(1, n, (double[])row.Clone()), kappa, out _);
            var expected = L1BallReference.Project(row, kappa);
            Tol.Close(new Matrix<double>(1, n, expected), p, 1e-9);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(31)]
    [InlineData(200)]
    public void Project_ExactAndBisection_AgreeInFloat64(int n)
    {
        var a = Rand.Matrix<double>(16, n, seed: n, scale: 5.0);
        var exact = L1BallProjection.Exact.Project(a, 1.3, out var exactResult);
        var bisected = L1BallProjection.Bisection.Project(a, 1.3, out var bisectionResult);
        Tol.Close(exact, bisected, 1e-9);
        Tol.Close(exactResult.MaxLambda, bisectionResult.MaxLambda, 1e-9, "max λ");
        Assert.True(bisectionResult.MaxIterations > 0);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ProjectInPlace_RowsInsideBall_BitIdentical(L1ProjectionMethod method)
    {
        var a = Rand.Matrix<double>(10, 6, seed: 3, scale: 0.1);
        for (int j = 0; j < 6; j++) a[4, j] = 3.0 * (j + 1);
        var before = a.Clone();
        var result = Of(method).ProjectInPlace(a, 1.0);
        Assert.Equal(1, result.RowsProjected);
        for (int i = 0; i < 10; i++)
        {
            if (i == 4) continue;
            for (int j = 0; j < 6; j++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(before[i, j]), BitConverter.DoubleToInt64Bits(a[i, j]));
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Project_OutsideBall_SatisfiesKkt(L1ProjectionMethod method)
    {
        var a = Rand.Matrix<double>(12, 40, seed: 11, scale: 2.0);
        var p = Of(method).Project(a, 2.5, out _);
        for (int i = 0; i < a.Rows; i++)
        {
            // On the support a − p = λ·sign(p) with one λ per row; off it |a| ≤ λ; and the ball constraint is active.
            var lambdas = Enumerable.Range(0, a.Cols).Where(j => p[i, j] != 0)
                .Select(j => (a[i, j] - p[i, j]) * Math.Sign(p[i, j])).ToArray();
            Assert.NotEmpty(lambdas);
            double lambda = lambdas.Average();
            Assert.True(lambda > 0);
            foreach (double l in lambdas) Tol.Close(lambda, l, 1e-9, $"row {i} λ");
            for (int j = 0; j < a.Cols; j++)
                if (p[i, j] == 0) Assert.True(Math.Abs(a[i, j]) <= lambda + 1e-9, $"row {i}: |a| = {Math.Abs(a[i, j])} > λ = {lambda}");
            Tol.Close(2.5, RowL1(p, i), 1e-9, $"row {i} ‖p‖₁");
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Project_Float32_MatchesFloat64(L1ProjectionMethod method)
    {
        var a = Rand.Matrix<double>(9, 33, seed: 5, scale: 2.0);
        var p64 = Of(method).Project(a, 0.8, out _);
        var p32 = Of(method).Project(a.Convert<float>(), 0.8, out var result);
        Assert.Equal(9, result.RowsProjected);
        Tol.Close(p64, p32.Convert<double>(), 1e-6);
        for (int i = 0; i < 9; i++)
            Assert.True(p32.Row(i).ToArray().Sum(x => Math.Abs((double)x)) <= 0.8 * (1 + 1e-5));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Project_EdgeCases_HandledExactly(L1ProjectionMethod method)
    {
        var zero = new Matrix<double>(3, 4);
        Assert.Equal(0, Of(method).ProjectInPlace(zero, 0.5).RowsProjected);
        Assert.All(zero.Data, x => Assert.Equal(0.0, x, 0.0));

        var single = Matrix<double>.FromArray(new[,] { { 5.0 }, { -5.0 }, { 0.25 } });
        Of(method).ProjectInPlace(single, 2.0);
        Tol.Close(Matrix<double>.FromArray(new[,] { { 2.0 }, { -2.0 }, { 0.25 } }), single, 1e-10);

        var big = Rand.Matrix<double>(4, 4, seed: 9, scale: 100);
        var before = big.Clone();
        Assert.Equal(0, Of(method).ProjectInPlace(big, 1e300).RowsProjected);
        Assert.Equal(before.Data, big.Data);

        Assert.Equal(0, Of(method).ProjectInPlace(new Matrix<double>(0, 5), 1.0).RowsProjected);
        Assert.Equal(0, Of(method).ProjectInPlace(new Matrix<double>(5, 0), 1.0).RowsProjected);
    }

    [Fact]
    public void Project_TwoThreads_SameAsOneThread()
    {
        var a = Rand.Matrix<double>(101, 17, seed: 21, scale: 3.0);
        var serial = L1BallProjection.Bisection.Project(a, 1.0, out var serialResult);
        var parallel = new L1BallProjection(L1ProjectionMethod.Bisection, threads: 2).Project(a, 1.0, out var parallelResult);
        Assert.Equal(serial.Data, parallel.Data);
        Assert.Equal(serialResult, parallelResult);
    }

    [Fact]
    public void Project_BisectionIterationLimit_FeasibleButNotConverged()
    {
        var a = Rand.Matrix<double>(5, 50, seed: 4, scale: 3.0);
        var p = new L1BallProjection(L1ProjectionMethod.Bisection, maxIterations: 3).Project(a, 1.0, out var result);
        Assert.False(result.Converged);
        Assert.Equal(3, result.MaxIterations);
        for (int i = 0; i < 5; i++) Assert.True(RowL1(p, i) <= 1.0 * (1 + 1e-12));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Project_InvalidKappa_ThrowsNamingKappa(double kappa)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => L1BallProjection.Exact.ProjectInPlace(new Matrix<double>(2, 2), kappa));
        Assert.Equal("kappa", ex.ParamName);
        Assert.Contains(kappa.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Fact]
    public void Project_NaNEntry_ThrowsNamingPosition()
    {
        var a = new Matrix<double>(3, 3);
        a[1, 2] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => L1BallProjection.Exact.ProjectInPlace(a, 1.0));
        Assert.Contains("(1, 2)", ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void Project_SortAndMichelot_AgreeToRounding(int n)
    {
        var a = Rand.Matrix<double>(8, n, seed: n + 1, scale: 3.0);
        var sorted = new L1BallProjection(L1ProjectionMethod.Sort).Project(a, 0.9, out _);
        var michelot = new L1BallProjection(L1ProjectionMethod.Michelot).Project(a, 0.9, out _);
        Tol.Close(sorted, michelot, 1e-13);
    }
}
