using Idl.Numerics.Activations;
using Idl.Numerics.Composition;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Composition;

public sealed class CompositionTests
{
    private static readonly PicardSolver Solver = new(new SolverOptions { AbsoluteTolerance = 1e-14, RelativeTolerance = 1e-14, MaxIterations = 5000 });

    private static Matrix<double> Predict(ImplicitModel<double> model, Matrix<double> u)
    {
        var p = model.Predict(u, Solver);
        p.Equilibrium.EnsureConverged();
        return p.Output;
    }

    private static ImplicitModel<double> Model(int n, int p, int q, int seed, string activation = "relu") =>
        TestSupport.Models.Random<double>(n, p, q, seed, TestSupport.Models.Map(activation, n), bias: true);

    [Fact]
    public void Cascade_Prediction_EqualsSecondOfFirst()
    {
        var m1 = Model(7, 4, 3, seed: 1, "tanh");
        var m2 = Model(6, 3, 2, seed: 2, "softmax(3)");
        var u = Rand.Matrix<double>(4, 5, seed: 3);
        var composite = ModelComposition.Cascade(m1, m2);
        Assert.Equal(13, composite.StateSize);
        Tol.Close(Predict(m2, Predict(m1, u)), Predict(composite, u), 1e-12);
    }

    [Fact]
    public void ParallelSum_Prediction_EqualsSumOfParts()
    {
        var m1 = Model(5, 3, 2, seed: 4);
        var m2 = Model(4, 2, 2, seed: 5, "sigmoid");
        var u1 = Rand.Matrix<double>(3, 6, seed: 6);
        var u2 = Rand.Matrix<double>(2, 6, seed: 7);
        var stacked = BlockMatrix.Assemble(new Matrix<double>?[,] { { u1 }, { u2 } }, [3, 2], [6]);
        var expected = Predict(m1, u1);
        var y2 = Predict(m2, u2);
        for (int i = 0; i < expected.Length; i++) expected.Data[i] += y2.Data[i];
        Tol.Close(expected, Predict(ModelComposition.ParallelSum(m1, m2), stacked), 1e-12);
    }

    [Fact]
    public void Sum_SharedInput_EqualsSumOfParts()
    {
        var m1 = Model(5, 3, 2, seed: 8);
        var m2 = Model(4, 3, 2, seed: 9, "leaky_relu(0.3)");
        var u = Rand.Matrix<double>(3, 6, seed: 10);
        var expected = Predict(m1, u);
        var y2 = Predict(m2, u);
        for (int i = 0; i < expected.Length; i++) expected.Data[i] += y2.Data[i];
        Tol.Close(expected, Predict(ModelComposition.Sum(m1, m2), u), 1e-12);
    }

    [Fact]
    public void Concatenate_Prediction_StacksOutputs()
    {
        var m1 = Model(5, 3, 2, seed: 11);
        var m2 = Model(4, 3, 3, seed: 12, "mixed");
        var u = Rand.Matrix<double>(3, 4, seed: 13);
        var expected = BlockMatrix.Assemble(new Matrix<double>?[,] { { Predict(m1, u) }, { Predict(m2, u) } }, [2, 3], [4]);
        Tol.Close(expected, Predict(ModelComposition.Concatenate(m1, m2), u), 1e-12);
    }

    [Fact]
    public void Feedback_Prediction_EqualsClosedLoopIteration()
    {
        var m1 = Scaled(Model(5, 3, 3, seed: 14, "tanh"), 0.3);
        var m2 = Scaled(Model(4, 3, 3, seed: 15), 0.3);
        m2.D.Clear();
        var u = Rand.Matrix<double>(3, 4, seed: 16);
        // Direct computation: iterate u₁ = u + y₂, y₁ = m₁(u₁), y₂ = m₂(y₁) to convergence.
        var y2 = new Matrix<double>(3, 4);
        Matrix<double> y1 = y2;
        for (int k = 0; k < 200; k++)
        {
            var u1 = u.Clone();
            for (int i = 0; i < u1.Length; i++) u1.Data[i] += y2.Data[i];
            y1 = Predict(m1, u1);
            y2 = Predict(m2, y1);
        }
        Tol.Close(y1, Predict(FeedbackComposition.Feedback(m1, m2), u), 1e-10);
    }

    [Fact]
    public void Feedback_SecondModelWithD_ThrowsAlgebraicLoop()
    {
        var ex = Assert.Throws<ArgumentException>(() => FeedbackComposition.Feedback(Model(3, 2, 2, 17), Model(3, 2, 2, 18)));
        Assert.Contains("algebraic", ex.Message);
    }

    [Fact]
    public void Cascade_MismatchedSizes_ThrowsNamingSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelComposition.Cascade(Model(3, 2, 4, 19), Model(3, 2, 2, 20)));
        Assert.Contains("4", ex.Message);
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("tanh")]
    [InlineData("softmax(4)")]
    public void FeedForwardToImplicit_Prediction_EqualsNetwork(string activation)
    {
        var net = FeedForwardNetwork<double>.Random(6, [8, 12, 4], 3, ActivationParser.Parse(activation), seed: 21);
        var model = net.ToImplicit();
        var u = Rand.Matrix<double>(6, 9, seed: 22, scale: 2);
        var expected = net.Predict(u);
        var exact = model.Predict(u, new TriangularSolver());
        Assert.Equal(SolverStatus.Converged, exact.Equilibrium.Status);
        Assert.Equal(0, exact.Equilibrium.Iterations);
        Tol.Close(expected, exact.Output, 1e-12);
        Tol.Close(expected, Predict(model, u), 1e-12);
        Assert.True(Idl.Numerics.WellPosedness.BlockTriangularStructure.Analyze(model.A, model.Activation)!.IsStrict);
    }

    private static ImplicitModel<double> Scaled(ImplicitModel<double> m, double s)
    {
        foreach (var mat in new[] { m.B, m.C })
            for (int i = 0; i < mat.Length; i++) mat.Data[i] *= s;
        return m;
    }
}
