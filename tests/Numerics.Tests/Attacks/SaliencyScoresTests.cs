using Idl.Numerics.Activations;
using Idl.Numerics.Attacks;
using Idl.Numerics.Data;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using Idl.Numerics.Tests.TestSupport;
using TestModels = Idl.Numerics.Tests.TestSupport.Models;

namespace Idl.Numerics.Tests.Attacks;

public sealed class SaliencyScoresTests
{
    private static readonly PicardSolver Solver = new(new SolverOptions { AbsoluteTolerance = 1e-12, RelativeTolerance = 0, MaxIterations = 10_000 });

    // ŷ = D u with A, B, C = 0, so S = |D| (Theorem 4.2) and ∂ŷ/∂u = D: every ranking has a closed form.
    private static readonly ImplicitModel<double> Linear = new(new Matrix<double>(1, 1), new Matrix<double>(1, 3), new Matrix<double>(2, 1),
        Matrix<double>.FromArray(new[,] { { 3.0, -1.0, 0.0 }, { 0.0, 1.0, -5.0 } }), ActivationMap.Uniform(Relu.Instance, 1));

    // Two samples at u = 0 (softmax = (½, ½)) labelled 0 and 1.
    private static MiniBatch<double> Batch() =>
        Dataset.ForClassification("t", new float[6], 3, [0, 1], 2).All<double>();

    private static Matrix<double> Scores(AttackMethod method, SaliencyTarget target)
    {
        var batch = Batch();
        return SaliencyScores.For(Linear, Solver, method, target).Of(batch, Linear.Predict(batch.U, Solver));
    }

    private static void Near(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Tol.Close(expected[i], actual[i], tolerance, $"{what} [{i}]");
    }

    [Fact]
    public void Of_SensitivityAllOutputs_ColumnSumsOfAbsD()
    {
        var s = Scores(AttackMethod.Sensitivity, SaliencyTarget.AllOutputs);
        Assert.Equal(1, s.Cols);
        Near(new[] { 3.0, 2, 5 }, s.Data.ToArray(), 1e-12, "column sums of |D|");
    }

    [Theory]
    [InlineData(AttackMethod.Sensitivity)]
    [InlineData(AttackMethod.Gradient)]
    public void Of_Label_RowOfAbsDForEachSamplesLabel(AttackMethod method)
    {
        var s = Scores(method, SaliencyTarget.Label);
        // A linear model's class-score gradient is its row of D, which is also its row of S = |D|.
        Near(new[] { 3.0, 1, 0 }, [s[0, 0], s[1, 0], s[2, 0]], 1e-9, "label 0");
        Near(new[] { 0.0, 1, 5 }, [s[0, 1], s[1, 1], s[2, 1]], 1e-9, "label 1");
    }

    [Fact]
    public void Of_GradientLoss_AbsOfSoftmaxMinusOneHotTimesD()
    {
        var s = Scores(AttackMethod.Gradient, SaliencyTarget.Loss);
        // (softmax − e_y)ᵀD at softmax = (½, ½): label 0 gives (−½, ½)D = (−1.5, 1, −2.5); label 1 its negative.
        Near(new[] { 1.5, 1, 2.5 }, [s[0, 0], s[1, 0], s[2, 0]], 1e-9, "label 0");
        Near(new[] { 1.5, 1, 2.5 }, [s[0, 1], s[1, 1], s[2, 1]], 1e-9, "label 1");
    }

    [Theory]
    [InlineData(AttackMethod.Sensitivity, SaliencyTarget.Loss)]
    [InlineData(AttackMethod.Gradient, SaliencyTarget.AllOutputs)]
    [InlineData(AttackMethod.Lp, SaliencyTarget.Label)]
    public void For_PairWithoutAMeaning_Throws(AttackMethod method, SaliencyTarget target) =>
        Assert.Throws<ArgumentException>(() => SaliencyScores.For(Linear, Solver, method, target));

    [Fact]
    public void InputGradient_LabelOnRandomModel_EqualsCentralFiniteDifferencesOfTheLabelScore()
    {
        var model = TestModels.Random<double>(8, 4, 3, 3, ActivationMap.Uniform(Tanh.Instance, 8), kappa: 0.6, bias: true);
        var batch = Dataset.ForClassification("t", [0.3f, -0.2f, 0.5f, 0.1f], 4, [2], 3).All<double>();
        var grad = SaliencyScores.InputGradient(model, batch, model.Predict(batch.U, Solver), Solver, SaliencyTarget.Label);
        for (int j = 0; j < 4; j++)
        {
            double Score(double h)
            {
                var u = batch.U.Clone();
                u[j, 0] += h;
                return model.Predict(u, Solver).Output[2, 0];
            }
            Tol.Close(Math.Abs((Score(1e-6) - Score(-1e-6)) / 2e-6), grad[j, 0], 1e-7, $"|dy2/du{j}|");
        }
    }

    [Fact]
    public void Of_SensitivityLabelOnRandomModel_BoundsTheLabelGradientEverywhere()
    {
        // Theorem 4.2 gives |∂ŷ_y/∂u| ≤ S_y· at every u: the local ranking never exceeds the global one.
        var model = TestModels.Random<double>(10, 5, 3, 4, kappa: 0.7, bias: true);
        var u = Rand.Matrix<double>(5, 40, 5);
        var labels = Enumerable.Range(0, 40).Select(s => s % 3).ToArray();
        var inputs = new float[5 * 40];
        for (int s = 0; s < 40; s++) for (int j = 0; j < 5; j++) inputs[s * 5 + j] = (float)u[j, s];
        var batch = Dataset.ForClassification("r", inputs, 5, labels, 3).All<double>();
        var clean = model.Predict(batch.U, Solver);
        var global = SaliencyScores.For(model, Solver, AttackMethod.Sensitivity, SaliencyTarget.Label).Of(batch, clean);
        var local = SaliencyScores.For(model, Solver, AttackMethod.Gradient, SaliencyTarget.Label).Of(batch, clean);
        for (int i = 0; i < global.Length; i++)
            Assert.True(local.Data[i] <= global.Data[i] + 1e-9, $"entry {i}: |gradient| {local.Data[i]} above S {global.Data[i]}");
    }
}
