using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Solvers;

public sealed class TriangularSolverTests
{
    private static readonly SolverOptions Tight = new() { AbsoluteTolerance = 1e-13, RelativeTolerance = 1e-13, MaxIterations = 5000 };

    private static Matrix<double> Triangular(int n, int seed, bool strict, bool lower, double diagonal = 0.5)
    {
        var a = Rand.Matrix<double>(n, n, seed, scale: 3);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (lower ? j > i : j < i) a[i, j] = 0;
                else if (i == j) a[i, j] = strict ? 0 : diagonal * a[i, j] / 3;
        return a;
    }

    [Theory]
    [InlineData("relu", true, false)]
    [InlineData("relu", false, false)]
    [InlineData("leaky_relu(0.2)", false, true)]
    [InlineData("tanh", false, false)]
    [InlineData("identity", true, true)]
    [InlineData("softmax(2)", true, false)]
    public void SolveForward_TriangularA_EqualsPicard(string activation, bool strict, bool lower)
    {
        // Entries up to 3 in size: ‖A‖∞ ≫ 1, so only the triangular structure makes this well-posed.
        var a = Triangular(8, seed: 1, strict, lower);
        var phi = TestSupport.Models.Map(activation, 8);
        if (!phi.IsComponentwise)
            for (int i = 0; i < 8; i += 2) a[i, i + 1] = a[i + 1, i] = a[i, i] = a[i + 1, i + 1] = 0.1;
        var model = new ImplicitModel<double>(a, Rand.Matrix<double>(8, 3, 2), Rand.Matrix<double>(2, 8, 3), Rand.Matrix<double>(2, 3, 4), phi);
        var u = Rand.Matrix<double>(3, 7, seed: 5);
        var exact = new TriangularSolver(Tight).SolveForward(a, phi, model.InputTerm(u));
        Assert.Equal(SolverStatus.Converged, exact.Status);
        Assert.True(TestSupport.Models.FixedPointError(model, u, exact.State) <= 1e-10);
        var picard = new PicardSolver(Tight).SolveForward(a, phi, model.InputTerm(u));
        Assert.True(picard.IsConverged);
        Tol.Close(picard.State, exact.State, 1e-10);
    }

    [Fact]
    public void SolveForward_StrictlyTriangular_UsesNoIterations()
    {
        var a = Triangular(10, seed: 6, strict: true, lower: false);
        var result = new TriangularSolver().SolveForward(a, ActivationMap.Uniform(Relu.Instance, 10), Rand.Matrix<double>(10, 4, 7));
        Assert.True(result.IsConverged);
        Assert.Equal(0, result.Iterations);
    }

    [Fact]
    public void SolveForward_PermutedTriangular_Solved()
    {
        var a = Triangular(6, seed: 8, strict: true, lower: false);
        int[] perm = [3, 0, 5, 1, 4, 2];
        var pa = new Matrix<double>(6, 6);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 6; j++) pa[i, j] = a[perm[i], perm[j]];
        var phi = ActivationMap.Uniform(Relu.Instance, 6);
        var bu = Rand.Matrix<double>(6, 3, 9);
        var result = new TriangularSolver().SolveForward(pa, phi, bu);
        Assert.True(result.IsConverged);
        var next = new Matrix<double>(6, 3);
        phi.ForwardStep(pa, result.State, bu, next);
        Tol.Close(next, result.State, 1e-12);
    }

    [Fact]
    public void SolveForward_CyclicA_NotApplicable()
    {
        var a = new Matrix<double>(2, 2);
        a[0, 1] = a[1, 0] = 0.3;
        var result = new TriangularSolver().SolveForward(a, ActivationMap.Uniform(Relu.Instance, 2), new Matrix<double>(2, 1));
        Assert.Equal(SolverStatus.NotApplicable, result.Status);
    }

    [Theory]
    [InlineData("relu", false)]
    [InlineData("tanh", true)]
    [InlineData("softmax(2)", true)]
    public void SolveAdjoint_TriangularA_EqualsPicard(string activation, bool strict)
    {
        var a = Triangular(8, seed: 10, strict, lower: false);
        var phi = TestSupport.Models.Map(activation, 8);
        var bu = Rand.Matrix<double>(8, 5, 11);
        var x = new TriangularSolver(Tight).SolveForward(a, phi, bu).EnsureConverged().State;
        var w = Rand.Matrix<double>(8, 5, 12);
        var exact = new TriangularSolver(Tight).SolveAdjoint(a, phi, x, w);
        var picard = new PicardSolver(Tight).SolveAdjoint(a, phi, x, w);
        Assert.True(exact.IsConverged && picard.IsConverged);
        Tol.Close(picard.State, exact.State, 1e-10);
    }

    [Theory]
    [InlineData("relu", 0.5)]
    [InlineData("relu", -4.0)]
    [InlineData("leaky_relu(0.25)", 0.5)]
    [InlineData("leaky_relu(0.25)", 6.0)]
    [InlineData("identity", 3.0)]
    public void SolveForward_ScalarSelfLoop_SatisfiesEquation(string activation, double diagonal)
    {
        // a > 1/α under leaky ReLU and a > 1 under identity are well-posed too: one branch is consistent for every b.
        var a = Matrix<double>.FromArray(new double[,] { { diagonal } });
        var phi = ActivationMap.Uniform(ActivationParser.Parse(activation), 1);
        var bu = Matrix<double>.FromArray(new double[,] { { 1.5, -2.0, 0.0, 0.3 } });
        var result = new TriangularSolver().SolveForward(a, phi, bu);
        Assert.Equal(SolverStatus.Converged, result.Status);
        var next = new Matrix<double>(1, 4);
        phi.ForwardStep(a, result.State, bu, next);
        Tol.Close(next, result.State, 1e-12);
    }

    [Theory]
    [InlineData("relu", 1.0)]
    [InlineData("leaky_relu(0.25)", 2.0)]
    [InlineData("identity", 1.0)]
    public void SolveForward_ScalarSelfLoopIllPosed_ReportsIllPosed(string activation, double diagonal)
    {
        var a = Matrix<double>.FromArray(new double[,] { { diagonal } });
        var result = new TriangularSolver().SolveForward(a, ActivationMap.Uniform(ActivationParser.Parse(activation), 1), new Matrix<double>(1, 2));
        Assert.Equal(SolverStatus.IllPosed, result.Status);
    }
}
