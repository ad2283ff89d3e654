using Idl.Numerics.Activations;
using Idl.Numerics.Projections;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Projections;

public sealed class BlipNormProjectionTests
{
    private static ActivationMap ReluThenSoftmax() =>
        ActivationMap.Concat(ActivationMap.Uniform(Relu.Instance, 3), ActivationMap.Uniform(new BlockSoftmax(3), 6));

    /// <summary>‖N(A, γ)‖∞ of eq. 2.4 for p = 1 blocks, written out independently of the code under test.</summary>
    private static double NormOfN(Matrix<double> a, ActivationMap phi)
    {
        var blocks = phi.Blocks().ToArray();
        double worst = 0;
        foreach (var i in blocks)
        {
            double rowSum = 0;
            foreach (var j in blocks)
            {
                double maxColumn = 0;
                for (int c = j.Start; c < j.Start + j.Size; c++)
                {
                    double column = 0;
                    for (int r = i.Start; r < i.Start + i.Size; r++) column += Math.Abs(a[r, c]);
                    maxColumn = Math.Max(maxColumn, column);
                }
                rowSum += i.Gamma * maxColumn;
            }
            worst = Math.Max(worst, rowSum);
        }
        return worst;
    }

    [Fact]
    public void Project_SoftmaxBlockMap_NormOfNWithinKappa()
    {
        var phi = ReluThenSoftmax();
        var a = Rand.Matrix<double>(9, 9, seed: 31, scale: 2.0);
        Assert.True(NormOfN(a, phi) > 0.9);
        var p = BlipNormProjection.Project(a, phi, 0.9, out var result);
        Assert.True(NormOfN(p, phi) <= 0.9 * (1 + 1e-12), $"‖N(A, γ)‖∞ = {NormOfN(p, phi):R}");
        Assert.True(result.RowsProjected > 0);
    }

    [Fact]
    public void Project_SoftmaxBlockMap_Idempotent()
    {
        var phi = ReluThenSoftmax();
        var once = BlipNormProjection.Project(Rand.Matrix<double>(9, 9, seed: 32, scale: 2.0), phi, 0.5, out _);
        var twice = BlipNormProjection.Project(once, phi, 0.5, out var second);
        Assert.Equal(0, second.RowsProjected);
        Assert.Equal(once.Data, twice.Data);
    }

    [Fact]
    public void Project_FeasibleBlockRows_LeftUntouched()
    {
        var phi = ReluThenSoftmax();
        var a = Rand.Matrix<double>(9, 9, seed: 33, scale: 0.01);
        for (int c = 0; c < 9; c++) a[4, c] = 5.0;
        var p = BlipNormProjection.Project(a, phi, 0.9, out var result);
        Assert.Equal(1, result.RowsProjected);
        for (int r = 0; r < 9; r++)
            for (int c = 0; c < 9; c++)
                if (r < 3 || r >= 6) Assert.Equal(BitConverter.DoubleToInt64Bits(a[r, c]), BitConverter.DoubleToInt64Bits(p[r, c]));
    }

    [Theory]
    [InlineData("relu", 1.0)]
    [InlineData("sigmoid", 0.25)]
    public void Project_ComponentwiseMap_EqualsExactRowProjectionAtKappaOverGamma(string name, double gamma)
    {
        Activation activation = name == "relu" ? Relu.Instance : new Sigmoid();
        var phi = ActivationMap.Uniform(activation, 12);
        var a = Rand.Matrix<double>(12, 12, seed: 34, scale: 1.5);
        var blip = BlipNormProjection.Project(a, phi, 0.6, out _);
        var rows = L1BallProjection.Exact.Project(a, 0.6 / gamma, out _);
        Tol.Close(rows, blip, 0.0);
    }

    [Fact]
    public void Project_Float32SoftmaxMap_Feasible()
    {
        var phi = ReluThenSoftmax();
        var p = BlipNormProjection.Project(Rand.Matrix<float>(9, 9, seed: 35, scale: 2.0f), phi, 0.9, out _);
        Assert.True(NormOfN(p.Convert<double>(), phi) <= 0.9 * (1 + 1e-5));
    }

    [Fact]
    public void Project_WrongSizeOrBadKappa_Throws()
    {
        var phi = ReluThenSoftmax();
        Assert.Throws<ArgumentException>(() => BlipNormProjection.Project(new Matrix<double>(8, 8), phi, 0.9, out _));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BlipNormProjection.Project(new Matrix<double>(9, 9), phi, -2, out _));
        Assert.Equal("kappa", ex.ParamName);
    }
}
