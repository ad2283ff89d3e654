using Idl.Numerics.Tests.TestSupport;
using Idl.Numerics.WellPosedness;

namespace Idl.Numerics.Tests.WellPosedness;

public sealed class PerronFrobeniusSolverTests
{
    private static void AssertEncloses(PerronFrobeniusResult r, double expected, double slack = 0.0)
    {
        Assert.True(r.Lower - slack <= expected && expected <= r.Upper + slack, $"{expected:R} not in {r}");
        Assert.True(r.Lower <= r.Upper, r.ToString());
    }

    public static TheoryData<double[,], double> KnownAnswers => new()
    {
        // Periodic and irreducible: eigenvalues ±1, so plain power iteration would oscillate.
        { new double[,] { { 0, 1 }, { 1, 0 } }, 1.0 },
        { new double[,] { { 2, 1 }, { 1, 2 } }, 3.0 },
        // Upper triangular: the eigenvalues are the diagonal.
        { new double[,] { { 0.5, 3, 1 }, { 0, 0.9, 2 }, { 0, 0, 0.2 } }, 0.9 },
        { new double[,] { { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } }, 0.0 },
        // Reducible: components {0,1} (ρ = 2) and {2,3} (ρ = 3), the second fed by the first.
        { new double[,] { { 1, 1, 0, 0 }, { 1, 1, 0, 0 }, { 5, 0, 0, 3 }, { 0, 7, 3, 0 } }, 3.0 },
        // Nilpotent (strictly triangular): ρ = 0 although every power-iteration ratio starts at 1.
        { new double[,] { { 0, 1, 1 }, { 0, 0, 1 }, { 0, 0, 0 } }, 0.0 },
        { new double[,] { { 0.25 } }, 0.25 },
    };

    [Theory]
    [MemberData(nameof(KnownAnswers))]
    public void Solve_KnownAnswer_CertifiedTightInterval(double[,] m, double expected)
    {
        var r = PerronFrobeniusSolver.Default.Solve(Matrix<double>.FromArray(m));
        AssertEncloses(r, expected);
        Assert.Equal(PerronFrobeniusStatus.Converged, r.Status);
        Assert.True(r.Width <= 1e-10, r.ToString());
    }

    [Theory]
    [InlineData(2, 0.0)]
    [InlineData(6, 0.0)]
    [InlineData(15, 0.5)]
    [InlineData(40, 0.8)]
    [InlineData(40, 0.95)]
    public void Solve_RandomNonNegative_EnclosesMathNetSpectralRadius(int n, double zeroFraction)
    {
        for (int seed = 0; seed < 5; seed++)
        {
            var rng = new Random(1000 * n + seed);
            var m = new Matrix<double>(n, n);
            for (int k = 0; k < m.Length; k++) m.Data[k] = rng.NextDouble() < zeroFraction ? 0 : rng.NextDouble();
            double reference = m.ToMathNet().Evd().EigenValues.Max(c => c.Magnitude);
            var r = PerronFrobeniusSolver.Default.Solve(m);
            // The reference eigensolver carries its own rounding, hence the small slack.
            AssertEncloses(r, reference, 1e-12 * Math.Max(1, reference));
            Assert.Equal(PerronFrobeniusStatus.Converged, r.Status);
        }
    }

    [Fact]
    public void Solve_WeightedCycle_PeriodicCaseConverges()
    {
        // A directed 7-cycle with weights wᵢ is irreducible with period 7 and ρ = (Π wᵢ)^(1/7): all seven eigenvalues
        // have modulus ρ, the case where unshifted power iteration never settles.
        double[] w = [0.3, 2.0, 0.9, 1.7, 0.5, 1.1, 0.8];
        var m = new Matrix<double>(7, 7);
        for (int i = 0; i < 7; i++) m[i, (i + 1) % 7] = w[i];
        double expected = Math.Pow(w.Aggregate(1.0, (p, x) => p * x), 1.0 / 7);
        var r = PerronFrobeniusSolver.Default.Solve(m);
        AssertEncloses(r, expected, 1e-15);
        Assert.Equal(PerronFrobeniusStatus.Converged, r.Status);
        Assert.True(r.Iterations > 1);
    }

    [Fact]
    public void Solve_IterationLimitReached_IntervalStillEncloses()
    {
        var m = Rand.Matrix<double>(30, 30, seed: 2, scale: 1.0);
        for (int k = 0; k < m.Length; k++) m.Data[k] = Math.Abs(m.Data[k]);
        double reference = m.ToMathNet().Evd().EigenValues.Max(c => c.Magnitude);
        var r = new PerronFrobeniusSolver(tolerance: 1e-15, maxIterations: 1).Solve(m);
        Assert.Equal(PerronFrobeniusStatus.MaxIterations, r.Status);
        AssertEncloses(r, reference, 1e-12);
    }

    [Fact]
    public void SolveAbs_SignedMatrix_UsesAbsoluteValues()
    {
        var a = Matrix<double>.FromArray(new double[,] { { 0, -1 }, { -1, 0 } });
        AssertEncloses(PerronFrobeniusSolver.Default.SolveAbs(a), 1.0);
    }

    [Fact]
    public void Solve_EmptyMatrix_Zero()
    {
        var r = PerronFrobeniusSolver.Default.Solve(new Matrix<double>(0, 0));
        Tol.Close(0.0, r.Upper, 0.0, "upper");
    }

    [Fact]
    public void Solve_NegativeEntry_ThrowsNamingPosition()
    {
        var m = new Matrix<double>(2, 2);
        m[1, 0] = -0.5;
        var ex = Assert.Throws<ArgumentException>(() => PerronFrobeniusSolver.Default.Solve(m));
        Assert.Contains("(1, 0)", ex.Message);
        Assert.Throws<ArgumentException>(() => PerronFrobeniusSolver.Default.Solve(new Matrix<double>(2, 3)));
    }
}
