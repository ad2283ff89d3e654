using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.Robustness;
using Idl.Numerics.Tests.TestSupport;

using TestModels = Idl.Numerics.Tests.TestSupport.Models;

namespace Idl.Numerics.Tests.Robustness;

public sealed class LpRelaxationTests
{
    // x = relu(u) with u ∈ [−.5, 1.5]: x⁰ = .5, σx = 1, so the state box is [0, 1.5].
    private static readonly ImplicitModel<double> Scalar = new(new Matrix<double>(1, 1), Matrix<double>.FromArray(new[,] { { 1.0 } }),
        new Matrix<double>(1, 1), new Matrix<double>(1, 1), ActivationMap.Uniform(Relu.Instance, 1));

    [Theory]
    [InlineData(1.0, 1.5)]
    [InlineData(-1.0, 0.0)]
    public void Solve_ScalarRelu_LinearObjectiveIsExact(double c, double expected)
    {
        var r = new LpRelaxation().Solve(Scalar, new InputSet([0.5], [1.0]), new LpObjective.Linear([c]));
        Tol.Close(expected, r.Bound, 1e-7, "LP bound");
        Tol.Close(0.5, r.NominalState[0], 1e-12, "x0");
    }

    [Fact]
    public void Solve_ScalarReluSquaredDistance_SuggestsTheFarthestInput()
    {
        var r = new LpRelaxation().Solve(Scalar, new InputSet([0.5], [1.0]), new LpObjective.SquaredDistance());
        Tol.Close(1.0, r.Bound, 1e-7, "LP bound");
        Tol.Close(1.5, r.Input[0], 1e-7, "adversarial u");
    }

    [Fact]
    public void Solve_PaperForm_LeavesTheInputFreeButBoundsTheSame()
    {
        var r = new LpRelaxation(Triangle: false).Solve(Scalar, new InputSet([0.5], [1.0]), new LpObjective.SquaredDistance());
        Tol.Close(1.0, r.Bound, 1e-7, "LP bound");
    }

    [Theory]
    [InlineData(1, null, false, true)]
    [InlineData(2, null, true, true)]
    [InlineData(3, 2, false, true)]
    [InlineData(4, 1, true, true)]
    [InlineData(5, null, true, false)]
    [InlineData(6, 2, false, false)]
    public void Solve_RandomReluModels_BoundLiesBetweenSampledMaximumAndBoxBound(int seed, int? k, bool squared, bool triangle)
    {
        var model = TestModels.Random<double>(8, 5, 2, seed, kappa: 0.7, bias: true);
        var u0 = Sampling.Vector(5, seed + 3);
        var sigma = Sampling.Vector(5, seed + 4, 0.1, 0.6);
        var c = Sampling.Vector(8, seed + 5);
        LpObjective objective = squared ? new LpObjective.SquaredDistance() : new LpObjective.Linear(c);
        var r = new LpRelaxation(Triangle: triangle).Solve(model, new InputSet(u0, sigma, k), objective);
        var x = Sampling.States(model, Sampling.Inputs(u0, sigma, 500, seed, k));
        double sampledMax = double.NegativeInfinity;
        for (int s = 0; s < x.Cols; s++)
        {
            double f = 0;
            for (int i = 0; i < 8; i++) f += squared ? Math.Pow(x[i, s] - r.NominalState[i], 2) : c[i] * x[i, s];
            sampledMax = Math.Max(sampledMax, f);
        }
        Assert.True(sampledMax <= r.Bound + 1e-7, $"sampled {sampledMax} > LP bound {r.Bound}");
        Assert.True(r.Bound <= r.BoxBound + 1e-7, $"LP bound {r.Bound} > box bound {r.BoxBound}");
        for (int j = 0; j < 5; j++) Assert.True(Math.Abs(r.Input[j] - u0[j]) <= sigma[j] + 1e-9);
        if (triangle)
        {
            var paper = new LpRelaxation(Triangle: false).Solve(model, new InputSet(u0, sigma, k), objective);
            Assert.True(r.Bound <= paper.Bound + 1e-7, $"the hull tightening raised the bound: {r.Bound} > {paper.Bound}");
        }
    }

    [Fact]
    public void Solve_TanhModel_ThrowsNamingRelu()
    {
        var model = TestModels.Random<double>(3, 2, 1, 1, ActivationMap.Uniform(Tanh.Instance, 3));
        Assert.Contains("ReLU", Assert.Throws<ArgumentException>(() =>
            new LpRelaxation().Solve(model, new InputSet([0, 0], [1, 1]), new LpObjective.SquaredDistance())).Message);
    }
}
