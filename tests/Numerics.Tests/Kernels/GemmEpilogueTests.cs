using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Tests.Kernels;

/// <summary>
/// Each epilogue on each path, with and without accumulation, including k &gt; KC: the epilogue must run once,
/// after the last k-block, on the full sum.
/// </summary>
public sealed class GemmEpilogueTests
{
    public static TheoryData<string, bool> PathsAndAccumulate()
    {
        var data = new TheoryData<string, bool>();
        foreach (var path in new[] { nameof(KernelPath.Vector512), nameof(KernelPath.Vector256), nameof(KernelPath.Scalar) })
        {
            data.Add(path, false);
            data.Add(path, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndAccumulate))]
    public void Multiply_FloatEachEpilogueWithSplitK_MatchesNaiveReference(string path, bool accumulate) =>
        AllEpilogues<float>(Enum.Parse<KernelPath>(path), accumulate);

    [Theory]
    [MemberData(nameof(PathsAndAccumulate))]
    public void Multiply_DoubleEachEpilogueWithSplitK_MatchesNaiveReference(string path, bool accumulate) =>
        AllEpilogues<double>(Enum.Parse<KernelPath>(path), accumulate);

    [Fact]
    public void Multiply_ProductEpilogueWithEmptyAddendAndAux_DoesNotReadThem()
    {
        var a = new float[] { 1, 2, 3, 4 };
        var c = new float[4];
        Gemm.Multiply(2, 2, 2, a, 2, false, a, 2, true, c, 2, default(ProductEpilogue<float>));
        Assert.Equal([5f, 11f, 11f, 25f], c);
    }

    [Fact]
    public void Multiply_ZeroDepthWithAccumulate_AppliesEpilogueToC()
    {
        var c = new double[] { -1, 2 };
        var add = new double[] { 0.5, 0.5 };
        Gemm.Multiply<double, AddReluEpilogue<double>>(1, 2, 0, [], 0, false, [], 2, false, c, 2, default, add, 2, accumulate: true);
        Assert.Equal([0.0, 2.5], c);
    }

    [Fact]
    public void Multiply_RepeatedCall_AllocatesNothing()
    {
        var a = TestSupport.Rand.Matrix<float>(70, 50, 1);
        var x = TestSupport.Rand.Matrix<float>(50, 90, 2);
        var bu = TestSupport.Rand.Matrix<float>(70, 90, 3);
        var c = new Matrix<float>(70, 90);
        Gemm.Multiply(a, false, x, false, c, default(AddReluEpilogue<float>), bu);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Gemm.Multiply(a, false, x, false, c, default(AddReluEpilogue<float>), bu);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AllEpilogues<T>(KernelPath path, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Two KC blocks plus a ragged third, with edge rows and columns on every tile width.
        int k = 2 * Gemm.KC + 37, m = 29, n = 45;
        foreach (bool ta in new[] { false, true })
        {
            bool tb = !ta;
            int seed = ta ? 100 : 200;
            GemmCase.Check<T, ProductEpilogue<T>>(path, m, n, k, ta, tb, default, accumulate, 1, seed++);
            GemmCase.Check<T, AddEpilogue<T>>(path, m, n, k, ta, tb, default, accumulate, 2, seed++);
            GemmCase.Check<T, AddReluEpilogue<T>>(path, m, n, k, ta, tb, default, accumulate, 0, seed++);
            GemmCase.Check<T, AddLeakyReluEpilogue<T>>(path, m, n, k, ta, tb, new(T.CreateTruncating(0.1)), accumulate, 1, seed++);
            GemmCase.Check<T, AddTanhEpilogue<T>>(path, m, n, 33, ta, tb, default, accumulate, 3, seed++);
            GemmCase.Check<T, AddSigmoidEpilogue<T>>(path, m, n, 33, ta, tb, default, accumulate, 0, seed++);
            GemmCase.Check<T, AddScaleEpilogue<T>>(path, m, n, k, ta, tb, default, accumulate, 2, seed++);
        }
    }
}
