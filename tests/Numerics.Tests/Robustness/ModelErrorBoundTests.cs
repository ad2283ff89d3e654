using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.Robustness;
using Idl.Numerics.Tests.TestSupport;

using TestModels = Idl.Numerics.Tests.TestSupport.Models;

namespace Idl.Numerics.Tests.Robustness;

public sealed class ModelErrorBoundTests
{
    [Fact]
    public void State_OneStateLinearRegime_IsExact()
    {
        // x = .5x + 1 ⇒ 2; x⁰ = .4x⁰ + 1 ⇒ 5/3; bound (1 − .5)⁻¹·.1·5/3 = 1/3 = |x − x⁰|.
        var a = Matrix<double>.FromArray(new[,] { { 0.5 } });
        var a0 = Matrix<double>.FromArray(new[,] { { 0.4 } });
        var bound = ModelErrorBound.State(a, a0, Matrix<double>.FromArray(new[,] { { 5.0 / 3 } }));
        Tol.Close(1.0 / 3, bound[0, 0], 1e-10, "Theorem 5.1");
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.9)]
    public void State_PrunedRandomModel_NoSampledErrorExceedsTheBound(int seed, double prune)
    {
        var model = TestModels.Random<double>(12, 5, 4, seed, kappa: 0.85, bias: true);
        var a0 = model.A.Clone();
        var threshold = a0.Data.Select(Math.Abs).Order().ElementAt((int)(prune * a0.Length));
        for (int i = 0; i < a0.Length; i++) if (Math.Abs(a0.Data[i]) < threshold) a0.Data[i] = 0;
        var approx = new ImplicitModel<double>(a0, model.B, model.C, model.D, model.Activation, model.StateBias, model.OutputBias);
        var u = Rand.Matrix<double>(5, 300, seed + 1, 2);
        var x = Sampling.States(model, u);
        var x0 = Sampling.States(approx, u);
        var bound = ModelErrorBound.State(model.A, a0, x0);
        var yBound = ModelErrorBound.Output(model.C, bound);
        var y = model.Output(x, u);
        var y0 = approx.Output(x0, u);
        for (int k = 0; k < x.Length; k++)
            Assert.True(Math.Abs(x.Data[k] - x0.Data[k]) <= bound.Data[k] + 1e-10, $"state {k}: {Math.Abs(x.Data[k] - x0.Data[k])} > {bound.Data[k]}");
        for (int k = 0; k < y.Length; k++)
            Assert.True(Math.Abs(y.Data[k] - y0.Data[k]) <= yBound.Data[k] + 1e-10);
    }
}
