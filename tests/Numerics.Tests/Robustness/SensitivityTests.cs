using Idl.Numerics.Activations;
using Idl.Numerics.Robustness;
using Idl.Numerics.Tests.TestSupport;

using TestModels = Idl.Numerics.Tests.TestSupport.Models;

namespace Idl.Numerics.Tests.Robustness;

public sealed class SensitivityTests
{
    [Fact]
    public void Compute_HandModel_MatchesTheClosedForm()
    {
        // (I − |A|)⁻¹|B| = (.2/.875·10, (.25·.2/.875 + .2)·10); S = |C|·that + |D|.
        var s = SensitivityMatrix.Compute(Sampling.HandModel());
        double x1 = 2 / 0.875, x2 = 0.25 * x1 + 2;
        Tol.Close(x1 + x2 + 0.5, s[0, 0], 1e-10, "S");
    }

    [Fact]
    public void Compute_ConeModel_EqualsTheExplicitInverse()
    {
        var model = TestModels.Random<double>(7, 4, 3, 21, kappa: 0.9);
        var absA = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(7, 7, (i, j) => Math.Abs(model.A[i, j]));
        var inv = (MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(7) - absA).Inverse();
        var s = SensitivityMatrix.Compute(model);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
            {
                double e = Math.Abs(model.D[i, j]);
                for (int a = 0; a < 7; a++)
                    for (int b = 0; b < 7; b++) e += Math.Abs(model.C[i, a]) * inv[a, b] * Math.Abs(model.B[b, j]);
                Tol.Close(e, s[i, j], 1e-9 * e, $"S[{i},{j}]");
            }
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("tanh")]
    [InlineData("mixed")]
    public void Compute_RandomModels_NoSampledOutputDeviationExceedsS(string activation)
    {
        var model = TestModels.Random<double>(9, 5, 3, 4, TestModels.Map(activation, 9), kappa: 0.4, bias: true);
        var s = SensitivityMatrix.Compute(model);
        var u0 = Sampling.Vector(5, 8);
        var sigma = Sampling.Vector(5, 9, 0.01, 1);
        var y0 = Sampling.Outputs(model, Sampling.Column(u0));
        var u = Sampling.Inputs(u0, sigma, 300, 10);
        var y = Sampling.Outputs(model, u);
        double worst = 0;
        for (int c = 0; c < u.Cols; c++)
            for (int i = 0; i < 3; i++)
            {
                double bound = 0;
                for (int j = 0; j < 5; j++) bound += s[i, j] * Math.Abs(u[j, c] - u0[j]);
                double dev = Math.Abs(y[i, c] - y0[i, 0]);
                Assert.True(dev <= bound + 1e-10, $"|Δy|[{i}] = {dev} > (S|Δu|)[{i}] = {bound}");
                worst = Math.Max(worst, dev / bound);
            }
        Assert.True(worst > 0.05, $"largest sampled deviation is only {worst:P1} of the bound");
    }

    [Fact]
    public void LipschitzBound_HandModel_IsTheFormulaOfSection43()
    {
        // ‖B‖∞ = 2, ‖C‖∞ = 2, ‖A‖∞ = .5, ‖D‖∞ = .5.
        Tol.Close(2 * 2 / 0.5 + 0.5, LipschitzBound.Compute(Sampling.HandModel()), 1e-14, "ρ");
    }

    [Fact]
    public void LipschitzBound_RandomPairs_NeverExceeded()
    {
        var model = TestModels.Random<double>(10, 4, 3, 30, kappa: 0.7, bias: true);
        double rho = LipschitzBound.Compute(model);
        var u = Rand.Matrix<double>(4, 400, 31, 3);
        var y = Sampling.Outputs(model, u);
        for (int a = 0; a + 1 < u.Cols; a += 2)
        {
            double du = 0, dy = 0;
            for (int j = 0; j < 4; j++) du = Math.Max(du, Math.Abs(u[j, a] - u[j, a + 1]));
            for (int i = 0; i < 3; i++) dy = Math.Max(dy, Math.Abs(y[i, a] - y[i, a + 1]));
            Assert.True(dy <= rho * du + 1e-10, $"‖Δy‖∞ = {dy} > ρ‖Δu‖∞ = {rho * du}");
        }
    }

    [Fact]
    public void LipschitzBound_SoftmaxMap_ThrowsNamingCone()
    {
        var model = TestModels.Random<double>(6, 2, 1, 1, ActivationMap.Uniform(new BlockSoftmax(3), 6), kappa: 0.5);
        Assert.Contains("CONE", Assert.Throws<ArgumentException>(() => LipschitzBound.Compute(model)).Message);
    }
}
