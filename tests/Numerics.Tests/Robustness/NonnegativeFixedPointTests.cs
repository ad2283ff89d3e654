using Idl.Numerics.Robustness;
using Idl.Numerics.Solvers;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Robustness;

public sealed class NonnegativeFixedPointTests
{
    [Theory]
    [InlineData(1e-2)]
    [InlineData(1e-6)]
    [InlineData(1e-12)]
    public void Solve_AnyTolerance_NeverBelowTheExactSolution(double tolerance)
    {
        // A loose stop would under-estimate a bound; the tail correction must keep X ≥ (I − M)⁻¹R at every tolerance.
        var m = Rand.Matrix<double>(9, 9, 3);
        for (int i = 0; i < m.Length; i++) m.Data[i] = Math.Abs(m.Data[i]) * 0.95 / 9;
        var r = Rand.Matrix<double>(9, 2, 4);
        for (int i = 0; i < r.Length; i++) r.Data[i] = Math.Abs(r.Data[i]);
        var x = new NonnegativeFixedPoint(tolerance).Solve(m, r, "test");
        var exact = (MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(9) - m.ToMathNet()).Solve(r.ToMathNet());
        double gap = 0;
        for (int i = 0; i < 9; i++)
            for (int j = 0; j < 2; j++)
            {
                Assert.True(x[i, j] >= exact[i, j] - 1e-12, $"X[{i},{j}] = {x[i, j]} below the exact {exact[i, j]}");
                gap = Math.Max(gap, x[i, j] - exact[i, j]);
            }
        Assert.True(gap <= 1e3 * tolerance * (1 + exact.Enumerate().Max()), $"over-estimate {gap} is far above the tolerance");
    }

    [Fact]
    public void TrySolve_SpectralRadiusAboveOne_ReportsWithoutConverging()
    {
        var m = new Matrix<double>(2, 2, [0, 1.1, 1.1, 0]);
        var (_, status, _) = new NonnegativeFixedPoint(MaxIterations: 50_000).TrySolve(m, new Matrix<double>(2, 1, [1, 1]));
        Assert.NotEqual(SolverStatus.Converged, status);
    }

    [Fact]
    public void Solve_NegativeEntry_ThrowsNamingTheMatrix()
    {
        var e = Assert.Throws<ArgumentException>(() => new NonnegativeFixedPoint().Solve(new Matrix<double>(1, 1, [-0.5]), new Matrix<double>(1, 1, [1]), "t"));
        Assert.Equal("m", e.ParamName);
    }
}
