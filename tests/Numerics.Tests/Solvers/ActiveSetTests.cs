using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Solvers;

/// <summary>
/// The per-column active set and the product-free first iterate against plain Picard in float64: same fixed
/// points to 1e-6 (far tighter in fact), fewer column-products.
/// </summary>
public sealed class ActiveSetTests
{
    private static readonly SolverOptions Plain = new() { AbsoluteTolerance = 1e-11, RelativeTolerance = 0, MaxIterations = 3000, ActiveSet = false };
    private static readonly SolverOptions Active = Plain with { ActiveSet = true };

    [Theory]
    [InlineData("relu")]
    [InlineData("tanh")]
    public void Forward_ColumnsOfMixedScale_SameFixedPointAsPlainPicardWithFewerColumnProducts(string activation)
    {
        var (model, u) = Problem(activation, seed: 1);
        var bu = model.InputTerm(u);
        var plainCount = new CountingMap<double>.Counter();
        var activeCount = new CountingMap<double>.Counter();
        var plain = new PicardSolver(Plain).Solve(new CountingMap<double>(new ForwardMap<double>(model.A, model.Activation, bu), plainCount));
        var active = new PicardSolver(Active).Solve(new CountingMap<double>(new ForwardMap<double>(model.A, model.Activation, bu), activeCount));
        Assert.Equal(SolverStatus.Converged, active.Status);
        Assert.Equal(u.Cols, active.ConvergedColumns);
        Assert.True(TestSupport.Models.FixedPointError(model, u, active.State) <= 1e-9);
        Tol.Close(plain.State, active.State, 1e-6);
        Assert.Equal(plain.Iterations, active.Iterations);
        Assert.True(activeCount.ColumnProducts < plainCount.ColumnProducts,
            $"active set {activeCount.ColumnProducts} column-products, plain {plainCount.ColumnProducts}");
    }

    [Fact]
    public void Adjoint_ColumnsOfMixedScale_SameSolutionAsPlainPicard()
    {
        var (model, u) = Problem("relu", seed: 2);
        var x = new PicardSolver(Plain).SolveForward(model.A, model.Activation, model.InputTerm(u)).State;
        var w = Rand.Matrix<double>(model.StateSize, u.Cols, seed: 3);
        for (int i = 0; i < w.Rows; i++)
            for (int j = 0; j < w.Cols; j++) w[i, j] *= Math.Pow(10, j % 5 - 2);
        var plain = new PicardSolver(Plain).SolveAdjoint(model.A, model.Activation, x, w);
        var active = new PicardSolver(Active).SolveAdjoint(model.A, model.Activation, x, w);
        Assert.Equal(SolverStatus.Converged, active.Status);
        Tol.Close(plain.State, active.State, 1e-6);
        // V = Ψ∘(AᵀV + W) at the solution.
        var map = new AdjointMap<double>(model.A, model.Activation, x, w);
        var image = new Matrix<double>(x.Rows, x.Cols);
        map.Apply(active.State, image);
        Tol.Close(image, active.State, 1e-9);
    }

    [Fact]
    public void Solve_FromZero_SameIteratesAsExplicitZeroStartWithOneProductLess()
    {
        var (model, u) = Problem("relu", seed: 4);
        var bu = model.InputTerm(u);
        var free = new CountingMap<double>.Counter();
        var product = new CountingMap<double>.Counter();
        var fromZero = new PicardSolver(Plain).Solve(new CountingMap<double>(new ForwardMap<double>(model.A, model.Activation, bu), free));
        var fromZeros = new PicardSolver(Plain).Solve(new CountingMap<double>(new ForwardMap<double>(model.A, model.Activation, bu), product),
            new Matrix<double>(bu.Rows, bu.Cols));
        Assert.Equal(fromZeros.Iterations, fromZero.Iterations);
        Assert.Equal(product.Products - 1, free.Products);
        Tol.Close(fromZeros.State, fromZero.State, 0);
    }

    [Fact]
    public void Forward_IterationLimitWithActiveSet_ReportsMaxIterationsAndKeepsEveryColumn()
    {
        var (model, u) = Problem("relu", seed: 5);
        var bu = model.InputTerm(u);
        int needed = new PicardSolver(Plain).SolveForward(model.A, model.Activation, bu).Iterations;
        var limited = Active with { MaxIterations = needed * 3 / 4 };
        var active = new PicardSolver(limited).SolveForward(model.A, model.Activation, bu);
        var plain = new PicardSolver(limited with { ActiveSet = false }).SolveForward(model.A, model.Activation, bu);
        Assert.Equal(SolverStatus.MaxIterations, active.Status);
        Assert.InRange(active.ConvergedColumns, 1, u.Cols - 1);
        // Columns that stopped early sit within their tolerance of where plain Picard got to.
        Tol.Close(plain.State, active.State, 1e-9);
    }

    // Columns scaled from 1e-4 to 10 converge after very different numbers of iterations from zero.
    private static (ImplicitModel<double> Model, Matrix<double> U) Problem(string activation, int seed)
    {
        var model = TestSupport.Models.Random<double>(30, 6, 3, seed, TestSupport.Models.Map(activation, 30), kappa: 0.9, bias: true);
        var u = Rand.Matrix<double>(6, 37, seed + 100, scale: 1);
        for (int i = 0; i < u.Rows; i++)
            for (int j = 0; j < u.Cols; j++) u[i, j] *= Math.Pow(10, j % 6 - 4);
        return (model, u);
    }
}
