using Idl.Numerics.Activations;
using Idl.Numerics.Tests.TestSupport;
using Idl.Numerics.WellPosedness;

namespace Idl.Numerics.Tests.WellPosedness;

public sealed class RescalingTests
{
    private static readonly ActivationMap Relu8 = ActivationMap.Uniform(Relu.Instance, 8);

    [Fact]
    public void Compute_PfBelowOne_RowSumsAreOneMinusInverseS()
    {
        var a = Contractions.Skewed(8, seed: 1, rho: 0.8);
        Assert.True(Norms.InfinityNorm(a) > 1);
        var s = Rescaling.Compute(a, Relu8);
        var scaled = Rescaling.Apply(a, new Matrix<double>(8, 2), new Matrix<double>(3, 8), s).A;
        for (int i = 0; i < 8; i++)
        {
            Assert.True(s[i] >= 1);
            double rowSum = scaled.Row(i).ToArray().Sum(Math.Abs);
            Tol.Close(1 - 1 / s[i], rowSum, 1e-12, $"row {i} of |A′|");
        }
        Assert.True(Norms.InfinityNorm(scaled) < 1);
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("leaky")]
    public void Apply_PositivelyHomogeneousMap_SamePredictions(string name)
    {
        Activation activation = name == "relu" ? Relu.Instance : new LeakyRelu(0.1);
        var phi = ActivationMap.Uniform(activation, 8);
        var a = Contractions.Skewed(8, seed: 2, rho: 0.7);
        var b = Rand.Matrix<double>(8, 3, seed: 3);
        var c = Rand.Matrix<double>(2, 8, seed: 4);
        var d = Rand.Matrix<double>(2, 3, seed: 5);
        var scaled = Rescaling.Apply(a, b, c, Rescaling.Compute(a, phi));
        var rng = new Random(6);
        for (int trial = 0; trial < 10; trial++)
        {
            var u = Enumerable.Range(0, 3).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
            var expected = Predict(a, b, c, d, u, activation);
            var actual = Predict(scaled.A, scaled.B, scaled.C, d, u, activation);
            for (int k = 0; k < expected.Length; k++) Tol.Close(expected[k], actual[k], 1e-10, $"ŷ[{k}]");
        }
    }

    /// <summary>ŷ = Cx + Du with x from the Picard iteration x ← φ(Ax + Bu) (eq. 2.6), run to a 1e-14 step.</summary>
    private static double[] Predict(Matrix<double> a, Matrix<double> b, Matrix<double> c, Matrix<double> d, double[] u,
        Activation activation)
    {
        int n = a.Rows;
        var phi = (ComponentwiseActivation)activation;
        var x = new double[n];
        for (int iteration = 0; iteration < 5000; iteration++)
        {
            var next = new double[n];
            for (int i = 0; i < n; i++)
            {
                double z = 0;
                for (int j = 0; j < n; j++) z += a[i, j] * x[j];
                for (int j = 0; j < u.Length; j++) z += b[i, j] * u[j];
                next[i] = phi.Apply(z);
            }
            double step = next.Zip(x, (p, q) => Math.Abs(p - q)).Max();
            x = next;
            if (step < 1e-14) break;
        }
        var y = new double[c.Rows];
        for (int i = 0; i < c.Rows; i++)
        {
            for (int j = 0; j < n; j++) y[i] += c[i, j] * x[j];
            for (int j = 0; j < u.Length; j++) y[i] += d[i, j] * u[j];
        }
        return y;
    }

    [Fact]
    public void Compute_PfAtLeastOne_Throws()
    {
        var a = Contractions.Skewed(8, seed: 7, rho: 1.2);
        var ex = Assert.Throws<ArgumentException>(() => Rescaling.Compute(a, Relu8));
        Assert.Contains("λ_PF", ex.Message);
    }

    [Fact]
    public void Compute_NonHomogeneousMap_Throws()
    {
        var a = Contractions.Skewed(8, seed: 8, rho: 0.5);
        var ex = Assert.Throws<ArgumentException>(() => Rescaling.Compute(a, ActivationMap.Uniform(new Tanh(), 8)));
        Assert.Equal("phi", ex.ParamName);
        Assert.Throws<ArgumentException>(() => Rescaling.Compute(a, ActivationMap.Uniform(new BlockSoftmax(2), 8)));
    }

    [Fact]
    public void Apply_MismatchedShapes_Throws()
    {
        var a = new Matrix<double>(3, 3);
        var s = new[] { 1.0, 1.0, 1.0 };
        Assert.Throws<ArgumentException>(() => Rescaling.Apply(a, new Matrix<double>(2, 1), new Matrix<double>(1, 3), s));
        Assert.Throws<ArgumentException>(() => Rescaling.Apply(a, new Matrix<double>(3, 1), new Matrix<double>(1, 2), s));
        Assert.Throws<ArgumentException>(() => Rescaling.Apply(a, new Matrix<double>(3, 1), new Matrix<double>(1, 3), new[] { 1.0, -1.0, 1.0 }));
    }
}
