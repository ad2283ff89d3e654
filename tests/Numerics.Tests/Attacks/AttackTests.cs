using Idl.Numerics.Activations;
using Idl.Numerics.Attacks;
using Idl.Numerics.Data;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using Idl.Numerics.Tests.Robustness;
using Idl.Numerics.Tests.TestSupport;
using TestModels = Idl.Numerics.Tests.TestSupport.Models;

namespace Idl.Numerics.Tests.Attacks;

public sealed class AttackTests
{
    private static readonly PicardSolver Solver = new(new SolverOptions { AbsoluteTolerance = 1e-12, RelativeTolerance = 0, MaxIterations = 10_000 });

    [Fact]
    public void Apply_SharedScores_ChangesOnlyTheTopInputsOfEverySample()
    {
        var u = new Matrix<double>(3, 2, [0, 0, 0, 0, 0, 0]);
        var scores = new Matrix<double>(3, 1, [3, 1, 2]);
        var (v, changed) = new SaliencyAttack(0.6, PerturbationKind.Dense, 0.25).Apply(u, scores, [-1, -1, -0.1], [1, 1, 0.1]);
        for (int s = 0; s < 2; s++)
        {
            Assert.True(changed[0, s] && !changed[1, s] && changed[2, s]);
            Tol.Close(0.25, Math.Abs(v[0, s]), 1e-15, "dense step");
            Tol.Close(0.1, Math.Abs(v[2, s]), 1e-15, "clipped step");
            Assert.Equal(0.0, v[1, s]);
        }
    }

    [Fact]
    public void Apply_DenseStepClippedOntoTheOldValue_NotMarkedChanged()
    {
        // Both inputs sit at the bottom of their range: a −ε step is clipped back to 0 and changes nothing.
        var u = new Matrix<double>(2, 40);
        var (v, changed) = new SaliencyAttack(1.0, PerturbationKind.Dense, 0.5, Seed: 3).Apply(u, new Matrix<double>(2, 1, [1, 1]), [0, 0], [1, 1]);
        int moved = 0;
        for (int s = 0; s < 40; s++)
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(v[j, s] != 0, changed[j, s]);
                moved += changed[j, s] ? 1 : 0;
            }
        Assert.InRange(moved, 1, 79);
    }

    [Theory]
    [InlineData(0.001, 784, 1)]
    [InlineData(0.1, 784, 78)]
    [InlineData(1.0, 64, 64)]
    public void Count_Fraction_RoundsToAtLeastOneInput(double fraction, int p, int expected) =>
        Assert.Equal(expected, new SaliencyAttack(fraction).Count(p));

    [Fact]
    public void InputGradient_LossOnRandomModel_EqualsCentralFiniteDifferences()
    {
        var model = TestModels.Random<double>(8, 4, 3, 3, ActivationMap.Uniform(Tanh.Instance, 8), kappa: 0.6, bias: true);
        var data = Dataset.ForClassification("t", [0.3f, -0.2f, 0.5f, 0.1f], 4, [2], 3);
        var batch = data.All<double>();
        var grad = SaliencyScores.InputGradient(model, batch, model.Predict(batch.U, Solver), Solver, SaliencyTarget.Loss);
        for (int j = 0; j < 4; j++)
        {
            double Loss(double h)
            {
                var u = batch.U.Clone();
                u[j, 0] += h;
                return new Idl.Numerics.Losses.SoftmaxCrossEntropy().Evaluate(batch.Y, model.Predict(u, Solver).Output);
            }
            double fd = (Loss(1e-6) - Loss(-1e-6)) / 2e-6;
            Tol.Close(Math.Abs(fd), grad[j, 0], 1e-7, $"|dL/du{j}|");
        }
    }

    [Theory]
    [InlineData(AttackMethod.Sensitivity, SaliencyTarget.AllOutputs)]
    [InlineData(AttackMethod.Sensitivity, SaliencyTarget.Label)]
    [InlineData(AttackMethod.Gradient, SaliencyTarget.Label)]
    [InlineData(AttackMethod.Gradient, SaliencyTarget.Loss)]
    public void Run_SelfLabelledData_AllInputsReplacedFlipsSomeAndKeepsExamples(AttackMethod method, SaliencyTarget target)
    {
        var model = TestModels.Random<double>(10, 6, 3, 7, kappa: 0.5, bias: true);
        var u = Rand.Matrix<double>(6, 200, 8);
        var labels = AttackRunner.ArgMax(model.Predict(u, Solver).Output);
        var inputs = new float[6 * 200];
        for (int s = 0; s < 200; s++) for (int j = 0; j < 6; j++) inputs[s * 6 + j] = (float)u[j, s];
        var data = Dataset.ForClassification("self", inputs, 6, labels, 3);
        var (lo, hi) = AttackRunner.InputRange(data);
        var (outcome, examples) = AttackRunner.Run(model, data, Solver, method, target, new SaliencyAttack(1.0, Seed: 1), lo, hi, keep: 2, batchSize: 64);
        // float32 storage can move a sample across a boundary, so "all correct" is checked up to a few samples.
        Assert.True(outcome.CleanCorrect >= 195, $"{outcome.CleanCorrect} of 200 correct on self-labelled data");
        Assert.True(outcome.SuccessRate > 0.2, $"replacing every input flipped only {outcome.SuccessRate:P1}");
        Assert.Equal(200, outcome.Samples);
        // A uniform draw over an input's range lands on its old value with probability 0: every chosen input moves.
        Assert.Equal(6.0, outcome.MovedPerSample, 12);
        Assert.Equal(2, examples.Count);
        Assert.All(examples, e => Assert.All(e.Changed, Assert.True));
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0.2, false)]
    public void LpAttack_ThresholdModel_FlipsExactlyWhenTheBoxCrossesTheThreshold(double epsilon, bool flips)
    {
        // x = relu(u); class 0 scores x, class 1 scores 0.5: u⁰ = .8 is class 0 and flips iff u can reach below .5.
        var model = new ImplicitModel<double>(new Matrix<double>(1, 1), Matrix<double>.FromArray(new[,] { { 1.0 } }),
            Matrix<double>.FromArray(new[,] { { 1.0 }, { 0.0 } }), new Matrix<double>(2, 1), ActivationMap.Uniform(Relu.Instance, 1),
            outputBias: [0, 0.5]);
        var r = new LpAttack(epsilon).Attack(model, [0.8], 0, [-10], [10], Solver);
        Assert.Equal(flips, r.Flipped);
        // The margin bound max(.5 − u) over u ≥ .8 − ε is exact here.
        Tol.Close(0.5 - (0.8 - epsilon), r.Bound, 1e-7, "margin bound");
    }

    [Fact]
    public void LpAttack_RandomModel_MarginBoundIsAtLeastTheAttainedMargin()
    {
        var model = TestModels.Random<double>(8, 5, 3, 12, kappa: 0.6, bias: true);
        var u0 = Sampling.Vector(5, 13);
        var clean = model.Predict(Sampling.Column(u0), Solver).Output;
        int label = AttackRunner.ArgMax(clean)[0];
        int rival = Enumerable.Range(0, 3).Where(i => i != label).MaxBy(i => clean[i, 0]);
        var r = new LpAttack(0.3).Attack(model, u0, label, Enumerable.Repeat(-5.0, 5).ToArray(), Enumerable.Repeat(5.0, 5).ToArray(), Solver);
        var y = model.Predict(Sampling.Column(r.Input), Solver).Output;
        double best = y[rival, 0] - y[label, 0];
        Assert.True(best <= r.Bound + 1e-7, $"attained margin {best} above the LP bound {r.Bound}");
    }
}
