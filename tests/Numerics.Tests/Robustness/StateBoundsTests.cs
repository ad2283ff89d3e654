using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.Robustness;
using Idl.Numerics.Tests.TestSupport;

using TestModels = Idl.Numerics.Tests.TestSupport.Models;

namespace Idl.Numerics.Tests.Robustness;

public sealed class StateBoundsTests
{
    [Fact]
    public void Componentwise_HandModel_SolvesTheLinearSystemOfTheorem41()
    {
        // σ₁ = .5σ₂ + .1, σ₂ = .25σ₁ + .2  ⇒  σ₁ = .2/.875, σ₂ = .25σ₁ + .2.
        var sx = StateBounds.Componentwise(Sampling.HandModel(), [0.1]);
        Tol.Close(0.2 / 0.875, sx[0], 1e-12, "σx1");
        Tol.Close(0.25 * 0.2 / 0.875 + 0.2, sx[1], 1e-12, "σx2");
        Tol.Close(0.2 / 0.5, StateBounds.InfinityBox(Sampling.HandModel(), [0.1]), 1e-14, "eq. 4.3");
    }

    [Fact]
    public void InfinityCardinality_OneStateThreeInputs_SumsTheTopK()
    {
        var model = new ImplicitModel<double>(Matrix<double>.FromArray(new[,] { { 0.5 } }), Matrix<double>.FromArray(new[,] { { 1.0, -3.0, 2.0 } }),
            new Matrix<double>(1, 1), new Matrix<double>(1, 3), ActivationMap.Uniform(Relu.Instance, 1));
        Tol.Close((3 + 2) / 0.5, StateBounds.InfinityCardinality(model, [1, 1, 1], 2), 1e-14, "eq. 4.4");
        Tol.Close(10, StateBounds.Componentwise(model, [1, 1, 1], 2)[0], 1e-10, "Theorem 4.1 with k = 2");
        Tol.Close(12, StateBounds.InfinityBox(model, [1, 1, 1]), 1e-14, "eq. 4.3");
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    public void Componentwise_RandomReluModels_NoSampledDeviationExceedsTheBound(int seed, int? k)
    {
        var model = TestModels.Random<double>(9, 6, 3, seed, kappa: 0.8, bias: true);
        var u0 = Sampling.Vector(6, seed + 10);
        var sigma = Sampling.Vector(6, seed + 11, 0.05, 0.5);
        var sx = StateBounds.Componentwise(model, sigma, k);
        double inf = k is int kk ? StateBounds.InfinityCardinality(model, sigma, kk) : StateBounds.InfinityBox(model, sigma);
        var x0 = Sampling.States(model, Sampling.Column(u0));
        var x = Sampling.States(model, Sampling.Inputs(u0, sigma, 400, seed, k));
        double worst = 0;
        for (int i = 0; i < x.Rows; i++)
            for (int s = 0; s < x.Cols; s++)
            {
                double dev = Math.Abs(x[i, s] - x0[i, 0]);
                Assert.True(dev <= sx[i] + 1e-10, $"|x-x0|[{i}] = {dev} > σx = {sx[i]}");
                Assert.True(dev <= inf + 1e-10);
                worst = Math.Max(worst, dev / sx[i]);
            }
        // A bound that is never approached would pass vacuously; the vertices reach a good part of it.
        Assert.True(worst > 0.2, $"largest sampled deviation is only {worst:P1} of the bound");
    }

    [Fact]
    public void Componentwise_SoftmaxBlocks_BoundsTheBlockNorms()
    {
        var phi = ActivationMap.Concat(ActivationMap.Uniform(Relu.Instance, 3), ActivationMap.Uniform(new BlockSoftmax(3), 6));
        var model = TestModels.Random<double>(9, 4, 2, 5, phi, kappa: 0.3);
        var u0 = Sampling.Vector(4, 1);
        var sigma = Sampling.Vector(4, 2, 0.1, 1);
        var eta = StateBounds.Componentwise(model, sigma);
        Assert.Equal(5, eta.Length);
        var x0 = Sampling.States(model, Sampling.Column(u0));
        var x = Sampling.States(model, Sampling.Inputs(u0, sigma, 300, 3));
        for (int s = 0; s < x.Cols; s++)
        {
            var d = new double[9];
            for (int i = 0; i < 9; i++) d[i] = x[i, s] - x0[i, 0];
            var sampled = NormMatrices.BlockNorms(phi, d);
            for (int l = 0; l < eta.Length; l++) Assert.True(sampled[l] <= eta[l] + 1e-10, $"η_{l} = {sampled[l]} > {eta[l]}");
        }
    }

    [Fact]
    public void InfinityBox_NormAtLeastOne_ThrowsNamingTheNorm()
    {
        var model = TestModels.Random<double>(4, 2, 1, 1, kappa: 1.2);
        var e = Assert.Throws<ArgumentException>(() => StateBounds.InfinityBox(model, [0.1, 0.1]));
        Assert.Contains("‖A‖∞", e.Message);
    }

    [Fact]
    public void Componentwise_NotWellPosed_ThrowsInsteadOfReturningAPartialSum()
    {
        var model = TestModels.Random<double>(4, 2, 1, 1, kappa: 1.5);
        Assert.Throws<BoundUnavailableException>(() => StateBounds.Componentwise(model, [0.1, 0.1], solver: new NonnegativeFixedPoint(MaxIterations: 2000)));
    }
}
