using Idl.Numerics.Activations;
using Idl.Numerics.Tests.TestSupport;
using Idl.Numerics.WellPosedness;

namespace Idl.Numerics.Tests.WellPosedness;

public sealed class InducedNormMatrixTests
{
    [Fact]
    public void Build_ConeMap_EqualsAbsA()
    {
        var a = Rand.Matrix<double>(5, 5, seed: 1);
        Tol.Close(Norms.Abs(a), InducedNormMatrix.Build(a, ActivationMap.Uniform(Relu.Instance, 5)), 0.0);
    }

    [Fact]
    public void Build_SigmoidMap_ScalesRowsByQuarter()
    {
        var a = Rand.Matrix<double>(4, 4, seed: 2);
        var n = InducedNormMatrix.Build(a, ActivationMap.Uniform(new Sigmoid(), 4));
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) Tol.Close(0.25 * Math.Abs(a[i, j]), n[i, j], 1e-15);
    }

    [Fact]
    public void Build_ReluAndSoftmaxBlocks_UsesMaxColumnAbsSum()
    {
        // Blocks: {0} relu, {1, 2} softmax (p = 1); ‖·‖₁→₁ is the largest column abs-sum of each block.
        var phi = ActivationMap.Concat(ActivationMap.Uniform(Relu.Instance, 1), ActivationMap.Uniform(new BlockSoftmax(2), 2));
        var a = Matrix<double>.FromArray(new double[,] { { 0.5, -2, 1 }, { 3, 0.1, -0.2 }, { -4, 0.3, 0.6 } });
        var expected = Matrix<double>.FromArray(new double[,] { { 0.5, 2 }, { 7, 0.8 } });
        Tol.Close(expected, InducedNormMatrix.Build(a, phi), 1e-15);
        Tol.Close(7.8, Norms.InfinityNorm(InducedNormMatrix.Build(a, phi)), 1e-15, "‖N‖∞");
    }

    [Fact]
    public void InfinityNormAndSparsity_KnownMatrix_KnownValues()
    {
        var a = Matrix<double>.FromArray(new double[,] { { 1, -2, 0 }, { 0, 0, 0.5 } });
        Tol.Close(3.0, Norms.InfinityNorm(a), 0.0, "‖A‖∞");
        Tol.Close(0.5, Norms.Sparsity(a), 0.0, "sparsity");
    }

    [Fact]
    public void Build_SizeMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => InducedNormMatrix.Build(new Matrix<double>(3, 3), ActivationMap.Uniform(Relu.Instance, 4)));
        Assert.Contains("3x3", ex.Message);
    }
}
