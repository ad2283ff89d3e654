using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Solvers;

public sealed class EquilibriumSolverTests
{
    private static readonly SolverOptions Tight = new() { AbsoluteTolerance = 1e-13, RelativeTolerance = 1e-13, MaxIterations = 2000 };

    public static TheoryData<string> Activations => TestSupport.Models.ActivationNames();

    [Theory]
    [MemberData(nameof(Activations))]
    public void Picard_EveryActivation_SatisfiesFixedPointEquation(string activation)
    {
        var model = TestSupport.Models.Random<double>(12, 5, 3, seed: 1, TestSupport.Models.Map(activation, 12), bias: true);
        var u = Rand.Matrix<double>(5, 9, seed: 2, scale: 2);
        var result = new PicardSolver(Tight).SolveForward(model.A, model.Activation, model.InputTerm(u));
        Assert.Equal(SolverStatus.Converged, result.Status);
        Assert.True(TestSupport.Models.FixedPointError(model, u, result.State) <= 1e-12);
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Anderson_EveryActivation_AgreesWithPicard(string activation)
    {
        var model = TestSupport.Models.Random<double>(12, 5, 3, seed: 3, TestSupport.Models.Map(activation, 12), kappa: 0.9);
        var u = Rand.Matrix<double>(5, 9, seed: 4, scale: 2);
        var bu = model.InputTerm(u);
        var picard = new PicardSolver(Tight).SolveForward(model.A, model.Activation, bu);
        var anderson = new AndersonSolver(Tight).SolveForward(model.A, model.Activation, bu);
        Assert.Equal(SolverStatus.Converged, anderson.Status);
        Assert.True(TestSupport.Models.FixedPointError(model, u, anderson.State) <= 1e-12);
        Tol.Close(picard.State, anderson.State, 1e-11);
    }

    [Fact]
    public void Anderson_SlowContraction_NeedsFewerIterationsThanPicard()
    {
        var model = TestSupport.Models.Random<double>(40, 5, 3, seed: 5, ActivationMap.Uniform(Tanh.Instance, 40), kappa: 0.98);
        var bu = model.InputTerm(Rand.Matrix<double>(5, 16, seed: 6));
        var picard = new PicardSolver(Tight).SolveForward(model.A, model.Activation, bu);
        var anderson = new AndersonSolver(Tight).SolveForward(model.A, model.Activation, bu);
        Assert.True(anderson.IsConverged && picard.IsConverged);
        Assert.True(anderson.Iterations < picard.Iterations, $"anderson {anderson.Iterations}, picard {picard.Iterations}");
    }

    [Fact]
    public void Picard_WarmStartNearSolution_TakesFewerIterations()
    {
        var model = TestSupport.Models.Random<double>(30, 5, 3, seed: 7, kappa: 0.9);
        var u = Rand.Matrix<double>(5, 8, seed: 8);
        var solver = new PicardSolver(Tight);
        var cold = solver.SolveForward(model.A, model.Activation, model.InputTerm(u));
        // A slightly different batch, as in consecutive training steps.
        for (int i = 0; i < u.Length; i++) u.Data[i] *= 1.001;
        var warm = solver.SolveForward(model.A, model.Activation, model.InputTerm(u), cold.State);
        var coldAgain = solver.SolveForward(model.A, model.Activation, model.InputTerm(u));
        Assert.True(warm.IsConverged);
        Assert.True(warm.Iterations < coldAgain.Iterations, $"warm {warm.Iterations}, cold {coldAgain.Iterations}");
    }

    [Fact]
    public void Picard_IllPosedReluTwoIdentity_ReportsDivergedNotResult()
    {
        var a = Matrix<double>.Identity(4);
        for (int i = 0; i < 4; i++) a[i, i] = 2;
        var bu = new Matrix<double>(4, 3);
        bu.Span.Fill(1.0);
        var result = new PicardSolver().SolveForward(a, ActivationMap.Uniform(Relu.Instance, 4), bu);
        Assert.Equal(SolverStatus.Diverged, result.Status);
        var ex = Assert.Throws<EquilibriumNotConvergedException>(() => result.EnsureConverged());
        Assert.Contains("well-posed", ex.Message);
    }

    [Fact]
    public void Triangular_IllPosedReluTwoIdentity_ReportsIllPosed()
    {
        var a = Matrix<double>.Identity(3);
        a[1, 1] = 2;
        var result = new TriangularSolver().SolveForward(a, ActivationMap.Uniform(Relu.Instance, 3), new Matrix<double>(3, 2));
        Assert.Equal(SolverStatus.IllPosed, result.Status);
        Assert.Throws<EquilibriumNotConvergedException>(() => result.EnsureConverged());
    }

    [Fact]
    public void Picard_IterationLimit_ReportsMaxIterations()
    {
        var model = TestSupport.Models.Random<double>(10, 3, 2, seed: 9, kappa: 0.99);
        var bu = model.InputTerm(Rand.Matrix<double>(3, 4, seed: 10));
        var result = new PicardSolver(Tight with { MaxIterations = 3 }).SolveForward(model.A, model.Activation, bu);
        Assert.Equal(SolverStatus.MaxIterations, result.Status);
        Assert.Equal(3, result.Iterations);
        Assert.Contains("MaxIterations", result.Message);
    }

    [Fact]
    public void Picard_NonFiniteInput_ReportsNonFinite()
    {
        var model = TestSupport.Models.Random<double>(5, 2, 2, seed: 11);
        var bu = new Matrix<double>(5, 3);
        bu[2, 1] = double.NaN;
        var result = new PicardSolver().SolveForward(model.A, model.Activation, bu);
        Assert.Equal(SolverStatus.NonFinite, result.Status);
    }

    [Fact]
    public void Picard_ContractionCertificate_BoundsTrueError()
    {
        var model = TestSupport.Models.Random<double>(20, 4, 2, seed: 12, kappa: 0.8);
        var bu = model.InputTerm(Rand.Matrix<double>(4, 6, seed: 13));
        var exact = new PicardSolver(Tight).SolveForward(model.A, model.Activation, bu);
        var loose = new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-4, RelativeTolerance = 0 })
            .SolveForward(model.A, model.Activation, bu);
        Tol.Close(0.8, loose.ContractionFactor, 1e-12, "kappa");
        double trueError = Tol.MaxAbsDiff(exact.State, loose.State);
        Assert.True(trueError <= loose.ErrorBound, $"error {trueError:E3} exceeds bound {loose.ErrorBound:E3}");
    }

    [Fact]
    public void Picard_ErrorBoundTolerance_StopsOnCertificate()
    {
        var model = TestSupport.Models.Random<double>(20, 4, 2, seed: 14, kappa: 0.5);
        var bu = model.InputTerm(Rand.Matrix<double>(4, 6, seed: 15));
        var exact = new PicardSolver(Tight).SolveForward(model.A, model.Activation, bu);
        var certified = new PicardSolver(Tight with { ErrorBoundTolerance = 1e-6 }).SolveForward(model.A, model.Activation, bu);
        Assert.True(certified.IsConverged);
        Assert.True(certified.ErrorBound <= 1e-6);
        Assert.True(certified.Iterations < exact.Iterations);
        Assert.True(Tol.MaxAbsDiff(exact.State, certified.State) <= certified.ErrorBound);
    }

    [Fact]
    public void Picard_Float32DefaultTolerance_Converges()
    {
        var model = TestSupport.Models.Random<float>(64, 8, 4, seed: 16, kappa: 0.95);
        var u = Rand.Matrix<float>(8, 33, seed: 17, scale: 3);
        var result = new PicardSolver().SolveForward(model.A, model.Activation, model.InputTerm(u));
        Assert.Equal(SolverStatus.Converged, result.Status);
        Assert.True(TestSupport.Models.FixedPointError(model, u, result.State) <= 1e-4);
    }

    [Fact]
    public void SolverOptions_NegativeTolerance_ThrowsNamingField()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PicardSolver(new SolverOptions { AbsoluteTolerance = -1 }));
        Assert.Contains("AbsoluteTolerance", ex.Message);
    }
}
