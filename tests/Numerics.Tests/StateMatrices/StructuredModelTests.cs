using Idl.Numerics.Activations;
using Idl.Numerics.Compression;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using Idl.Numerics.StateMatrices;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.StateMatrices;

/// <summary>The equilibrium solved with A in its stored form: the same fixed point, iterates and status as the dense solve.</summary>
public sealed class StructuredModelTests
{
    public static TheoryData<string, string> FormsAndActivations()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in new[] { "low-rank", "sparse" })
            foreach (var phi in new[] { "relu", "tanh", "sigmoid", "softmax(3)", "mixed" })
                data.Add(form, phi);
        return data;
    }

    /// <summary>A 12-state model with A compressed to rank 4 or to 90 % zeros (solved by the CSR product), in the given form.</summary>
    internal static StructuredModel<double> Compressed(string form, string phi = "relu", int seed = 1)
    {
        var model = TestSupport.Models.Random<double>(12, 4, 3, seed, TestSupport.Models.Map(phi, 12), kappa: 0.8, bias: true);
        if (form == "low-rank") return LowRankModel.FromSvd(model, 4).Structured;
        var pruned = Pruning.Prune(model, 0.9, PruningCriterion.Magnitude);
        return new StructuredModel<double>(new SparseStateMatrix<double>(CsrMatrix<double>.FromDense(pruned.A)), pruned.B, pruned.C, pruned.D,
            pruned.Activation, pruned.StateBias, pruned.OutputBias);
    }

    [Theory]
    [MemberData(nameof(FormsAndActivations))]
    public void Predict_StructuredForm_SatisfiesTheFixedPointEquation(string form, string phi)
    {
        var model = Compressed(form, phi);
        var u = Rand.Matrix<double>(4, 30, seed: 2, scale: 2);
        var p = model.Predict(u, new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-13, RelativeTolerance = 0, MaxIterations = 2000 }));
        Assert.True(p.Equilibrium.IsConverged, p.Equilibrium.Status.ToString());
        double error = TestSupport.Models.FixedPointError(model.ToImplicit(), u, p.State);
        Assert.True(error <= 1e-11, $"|φ(Ax + Bu + b) − x| = {error:E3}");
    }

    [Theory]
    [InlineData("low-rank", "picard")]
    [InlineData("sparse", "picard")]
    [InlineData("low-rank", "anderson")]
    [InlineData("sparse", "anderson")]
    public void Predict_StructuredForm_EqualsTheDenseSolveOfTheSameA(string form, string solverName)
    {
        var model = Compressed(form, seed: 3);
        var u = Rand.Matrix<double>(4, 17, seed: 4);
        var solver = SolverFactory.Create(SolverFactory.Parse(solverName), new SolverOptions { AbsoluteTolerance = 1e-12 });
        var structured = model.Predict(u, solver);
        var dense = model.ToImplicit().Predict(u, solver);
        Tol.Close(dense.Output, structured.Output, 1e-12);
        Assert.Equal(dense.Equilibrium.Status, structured.Equilibrium.Status);
        Assert.Equal(dense.Equilibrium.Iterations, structured.Equilibrium.Iterations);
        Tol.Close(dense.Equilibrium.ContractionFactor, structured.Equilibrium.ContractionFactor, 1e-12, "contraction factor");
    }

    [Theory]
    [InlineData("low-rank")]
    [InlineData("sparse")]
    public void Predict_IterationLimitReached_ReportsMaxIterationsLikeTheDenseSolve(string form)
    {
        var model = Compressed(form, seed: 5);
        var u = Rand.Matrix<double>(4, 8, seed: 6);
        var solver = new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-15, RelativeTolerance = 0, MaxIterations = 3 });
        var p = model.Predict(u, solver);
        Assert.Equal(SolverStatus.MaxIterations, p.Equilibrium.Status);
        Assert.Equal(model.ToImplicit().Predict(u, solver).Equilibrium.Residual, p.Equilibrium.Residual, 12);
    }

    [Theory]
    [InlineData("low-rank")]
    [InlineData("sparse")]
    public void Predict_ActiveSet_EqualsTheFullIteration(string form)
    {
        var model = Compressed(form, "tanh", seed: 7);
        var u = Rand.Matrix<double>(4, 64, seed: 8, scale: 3);
        var full = model.Predict(u, new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-12 }));
        var active = model.Predict(u, new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-12, ActiveSet = true }));
        Assert.True(active.Equilibrium.IsConverged);
        Tol.Close(full.Output, active.Output, 1e-10);
    }

    [Theory]
    [InlineData("low-rank")]
    [InlineData("sparse")]
    public void Convert_Float32_KeepsTheFormAndPredictsCloseToFloat64(string form)
    {
        var model = Compressed(form, seed: 9);
        var single = model.Convert<float>();
        Assert.Equal(model.A.Form, single.A.Form);
        var u = Rand.Matrix<double>(4, 10, seed: 10);
        var solver = new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-6 });
        var y32 = single.Predict(u.Convert<float>(), solver).Output.Convert<double>();
        Tol.Close(model.Predict(u, solver).Output, y32, 1e-4);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 3)]
    [InlineData(150, 7)]
    public void RowAbsSums_LowRankAcrossRowPanels_EqualTheDenseRowSums(int n, int k)
    {
        var low = new LowRankStateMatrix<double>(Rand.Matrix<double>(n, k, seed: n), Rand.Matrix<double>(n, k, seed: n + 1));
        var dense = low.ToDense();
        var sums = low.RowAbsSums();
        for (int i = 0; i < n; i++) Tol.Close(Norms.RowAbsSum<double>(dense.Row(i)), sums[i], 1e-12, $"row {i}");
    }

    [Fact]
    public void Dense_ToImplicit_IsTheWrappedModel()
    {
        var model = TestSupport.Models.Random<double>(5, 2, 2, seed: 11);
        var structured = StructuredModel<double>.Dense(model);
        Assert.Same(model, structured.ToImplicit());
        Assert.Equal(StateMatrixForm.Dense, structured.A.Form);
    }
    /// <summary>A compressed A can have an n whose n² entries no array holds (50,000² > 2³¹): the model still
    /// predicts in its stored form, and asking for the dense A says why it cannot be had instead of overflowing.</summary>
    [Fact]
    public void ToImplicit_NSquaredBeyondTheLargestArray_ThrowsSayingPredictionsStillWork()
    {
        const int n = 50_000;
        var l = new Matrix<double>(n, 1);
        var r = new Matrix<double>(n, 1);
        for (int i = 0; i < n; i++) (l.Data[i], r.Data[i]) = (1e-3, 1e-3);
        var model = new StructuredModel<double>(new LowRankStateMatrix<double>(l, r), new Matrix<double>(n, 1, Enumerable.Repeat(1.0, n).ToArray()),
            new Matrix<double>(1, n, Enumerable.Repeat(1.0 / n, n).ToArray()), new Matrix<double>(1, 1), ActivationMap.Uniform(Relu.Instance, n));

        var e = Assert.Throws<DenseStateUnavailableException>(() => model.ToImplicit());
        Assert.Contains("n = 50000", e.Message);
        Assert.Contains("idl predict", e.Message);
        // x = relu(1e-6·Σx + u) with u = 1: every x is 1/(1 − 0.05) and ŷ is their mean.
        var y = model.Predict(new Matrix<double>(1, 1, [1.0]), new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-12 })).Output;
        Assert.Equal(1 / (1 - 0.05), y[0, 0], 9);
    }
}
