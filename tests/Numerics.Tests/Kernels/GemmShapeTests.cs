using Idl.Numerics.Kernels;

namespace Idl.Numerics.Tests.Kernels;

/// <summary>Every kernel path, both precisions and all four transpose combinations, across tile and block edges.</summary>
public sealed class GemmShapeTests
{
    // Register tiles are 12×32/12×16 (512), 6×16/6×8 (256) and 4×4 (scalar); 97 > MC = 96 crosses a row block.
    private static readonly int[] Sizes = [0, 1, 7, 11, 12, 13, 31, 32, 33, 97];

    public static TheoryData<string, bool, bool> PathsAndTransposes()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var path in new[] { nameof(KernelPath.Vector512), nameof(KernelPath.Vector256), nameof(KernelPath.Scalar) })
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                    data.Add(path, ta, tb);
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndTransposes))]
    public void Multiply_FloatEdgeSizes_MatchesNaiveReference(string path, bool transA, bool transB) =>
        Sweep<float>(Enum.Parse<KernelPath>(path), transA, transB);

    [Theory]
    [MemberData(nameof(PathsAndTransposes))]
    public void Multiply_DoubleEdgeSizes_MatchesNaiveReference(string path, bool transA, bool transB) =>
        Sweep<double>(Enum.Parse<KernelPath>(path), transA, transB);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Multiply_AcrossRowAndColumnBlocks_MatchesNaiveReference(bool transA, bool transB)
    {
        // m = 2·MC + 8 and n = NC + 40 exercise several A blocks, a second B block and edge tiles in each.
        GemmCase.Check<float, AddReluEpilogue<float>>(KernelPath.Auto, 2 * Gemm.MC + 8, Gemm.NC + 40, 9, transA, transB, default, true, 3, 7);
        GemmCase.Check<double, AddEpilogue<double>>(KernelPath.Auto, 2 * Gemm.MC + 8, Gemm.NC + 40, 9, transA, transB, default, false, 0, 8);
        // Packed A kept across the two column blocks while k spans two depth blocks.
        GemmCase.Check<float, AddScaleEpilogue<float>>(KernelPath.Auto, 29, Gemm.NC + 40, Gemm.KC + 5, transA, transB, default, true, 1, 9);
    }

    [Fact]
    public void Product_MatrixOverload_MatchesNaiveReference()
    {
        var a = TestSupport.Rand.Matrix<double>(40, 23, 1);
        var b = TestSupport.Rand.Matrix<double>(40, 17, 2);
        var c = Gemm.Product(a, true, b, false);
        var zero = new double[23 * 17];
        var expected = NaiveGemm.Multiply(23, 17, 40, a.Data, 23, true, b.Data, 17, false, zero, 17,
            default(ProductEpilogue<double>), [], 0, [], 0, false);
        TestSupport.Tol.Close(new Matrix<double>(23, 17, expected), c, 1e-12);
    }

    // All m, n pairs; k cycles through the sizes so each (m, k) and (n, k) edge meets. Accumulate and the
    // leading-dimension padding alternate so both appear at every size.
    private static void Sweep<T>(KernelPath path, bool transA, bool transB)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int seed = 0;
        for (int im = 0; im < Sizes.Length; im++)
        {
            for (int jn = 0; jn < Sizes.Length; jn++)
            {
                int k = Sizes[(im + 3 * jn) % Sizes.Length];
                seed++;
                GemmCase.Check<T, ProductEpilogue<T>>(
                    path, Sizes[im], Sizes[jn], k, transA, transB, default, accumulate: seed % 2 == 0, pad: seed % 3 * 2, seed);
            }
        }
    }
}
