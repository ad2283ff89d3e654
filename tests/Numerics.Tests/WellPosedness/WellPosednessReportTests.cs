using Idl.Numerics.Activations;
using Idl.Numerics.Tests.TestSupport;
using Idl.Numerics.WellPosedness;

namespace Idl.Numerics.Tests.WellPosedness;

public sealed class WellPosednessReportTests
{
    private static ActivationMap Relu(int n) => ActivationMap.Uniform(Activations.Relu.Instance, n);

    [Fact]
    public void Analyze_Contraction_WellPosedByInfinityNorm()
    {
        var a = Rand.Matrix<double>(6, 6, seed: 1);
        double norm = Norms.InfinityNorm(a);
        for (int k = 0; k < a.Length; k++) a.Data[k] *= 0.5 / norm;
        var report = WellPosednessReport.Analyze(a, Relu(6));
        Assert.Equal(WellPosednessVerdict.WellPosed, report.Verdict);
        Assert.True(report.Conditions.HasFlag(WellPosednessConditions.InfinityNormBelowOne));
        Assert.True(report.Conditions.HasFlag(WellPosednessConditions.PerronFrobeniusBelowOne));
        Assert.Contains("Remark 2.4", report.Reason);
        Tol.Close(0.5, report.InfinityNorm, 1e-15, "‖A‖∞");
    }

    [Fact]
    public void Analyze_TwiceIdentityUnderRelu_IllPosedByTheorem27()
    {
        var a = Matrix<double>.Identity(4);
        for (int i = 0; i < 4; i++) a[i, i] = 2;
        var report = WellPosednessReport.Analyze(a, Relu(4));
        Assert.Equal(WellPosednessVerdict.IllPosed, report.Verdict);
        Assert.True(report.Conditions.HasFlag(WellPosednessConditions.BlockTriangularIllPosedDiagonal));
        Assert.Contains("2.7", report.Reason);
        Tol.Close(0.75, report.Sparsity, 1e-15, "sparsity");
    }

    [Fact]
    public void Analyze_StrictlyUpperTriangularLargeEntries_WellPosed()
    {
        var a = new Matrix<double>(5, 5);
        for (int i = 0; i < 5; i++)
            for (int j = i + 1; j < 5; j++) a[i, j] = 50 * (i + j);
        var report = WellPosednessReport.Analyze(a, Relu(5));
        Assert.Equal(WellPosednessVerdict.WellPosed, report.Verdict);
        Assert.True(report.Conditions.HasFlag(WellPosednessConditions.StrictlyBlockTriangular));
        Assert.True(report.Structure!.IsStrict);
        Tol.Close(0.0, report.PerronFrobenius.Upper, 0.0, "λ_PF upper");
    }

    [Fact]
    public void Analyze_PfBelowOneButLargeNorm_WellPosedByTheorem22()
    {
        var a = Contractions.Skewed(8, seed: 3, rho: 0.8);
        var report = WellPosednessReport.Analyze(a, Relu(8));
        Assert.True(report.InfinityNorm > 1);
        Assert.Null(report.Structure);
        Assert.Equal(WellPosednessVerdict.WellPosed, report.Verdict);
        Assert.Equal(WellPosednessConditions.PerronFrobeniusBelowOne, report.Conditions);
        Assert.Contains("Theorem 2.2", report.Reason);
        Assert.True(report.PerronFrobenius.Lower <= 0.8 + 1e-12 && 0.8 - 1e-12 <= report.PerronFrobenius.Upper);
    }

    [Fact]
    public void Analyze_TriangularNegativeDiagonalUnderRelu_WellPosedDespitePf()
    {
        // Remark 2.5: A₁₁ < −1 gives λ_PF(|A|) > 1, yet a triangular A is well-posed for ReLU iff diag(A) < 1.
        var a = Matrix<double>.FromArray(new double[,] { { -3, 2 }, { 0, 0.5 } });
        var report = WellPosednessReport.Analyze(a, Relu(2));
        Assert.False(report.PerronFrobenius.IsCertifiedBelowOne);
        Assert.Equal(WellPosednessVerdict.WellPosed, report.Verdict);
        Assert.True(report.Conditions.HasFlag(WellPosednessConditions.BlockTriangularWellPosedDiagonal));
    }

    [Theory]
    [InlineData("identity", WellPosednessVerdict.WellPosed)]
    [InlineData("leaky", WellPosednessVerdict.WellPosed)]
    [InlineData("tanh", WellPosednessVerdict.Unknown)]
    public void Analyze_DiagonalTwentyUnderOtherMaps_ScalarRule(string name, WellPosednessVerdict expected)
    {
        // x = φ(20x + b): the identity gives x = −b/19; leaky ReLU (α = 0.1) has slopes −19 and −1, both negative.
        Activation activation = name switch { "identity" => Identity.Instance, "leaky" => new LeakyRelu(0.1), _ => new Tanh() };
        var a = Matrix<double>.FromArray(new double[,] { { 20, 1 }, { 0, 20 } });
        Assert.Equal(expected, WellPosednessReport.Analyze(a, ActivationMap.Uniform(activation, 2)).Verdict);
    }

    [Fact]
    public void Analyze_SoftmaxBlocks_UsesInducedNorms()
    {
        var phi = ActivationMap.Concat(Relu(2), ActivationMap.Uniform(new BlockSoftmax(3), 6));
        var small = Rand.Matrix<double>(8, 8, seed: 4, scale: 0.05);
        var report = WellPosednessReport.Analyze(small, phi);
        Assert.Equal(WellPosednessVerdict.WellPosed, report.Verdict);
        Assert.True(report.Conditions.HasFlag(WellPosednessConditions.InducedNormBelowOne));
        Assert.False(report.IsCone);

        var large = Rand.Matrix<double>(8, 8, seed: 5, scale: 3.0);
        var undecided = WellPosednessReport.Analyze(large, phi);
        Assert.Equal(WellPosednessVerdict.Unknown, undecided.Verdict);
        Assert.Contains("No sufficient condition", undecided.Reason);
    }

    [Fact]
    public void Analyze_SoftmaxFedByStrictlyTriangularReluLayer_WellPosed()
    {
        // A feed-forward shape (§3.1): the softmax block reads only the ReLU block, which reads nothing.
        var phi = ActivationMap.Concat(Relu(2), ActivationMap.Uniform(new BlockSoftmax(3), 3));
        var a = new Matrix<double>(5, 5);
        for (int r = 2; r < 5; r++)
            for (int c = 0; c < 2; c++) a[r, c] = 10 * (r - c);
        var report = WellPosednessReport.Analyze(a, phi);
        Assert.Equal(WellPosednessVerdict.WellPosed, report.Verdict);
        Assert.True(report.Conditions.HasFlag(WellPosednessConditions.StrictlyBlockTriangular));
    }

    [Fact]
    public void Analyze_NaNEntry_Throws()
    {
        var a = new Matrix<double>(2, 2);
        a[0, 1] = double.NaN;
        Assert.Throws<ArgumentException>(() => WellPosednessReport.Analyze(a, Relu(2)));
    }
}
