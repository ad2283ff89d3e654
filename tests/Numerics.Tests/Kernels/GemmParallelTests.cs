using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Tests.Kernels;

/// <summary>
/// Products split over 1–3 kernel threads against the same product on one thread: column blocks and row panels
/// are aligned to the register tile, so the results must agree to the bit, at every tile and block edge.
/// </summary>
public sealed class GemmParallelTests
{
    // 0 and 1, around the 12×32 (512), 6×16 (256) and 4×4 (scalar) tiles, odd counts, and past a row block.
    private static readonly int[] Sizes = [0, 1, 5, 12, 13, 31, 32, 33, 65, 97, 2 * Gemm.MC + 7];

    public static TheoryData<string, int> PathsAndThreads()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in new[] { nameof(KernelPath.Vector512), nameof(KernelPath.Vector256), nameof(KernelPath.Scalar) })
            foreach (int threads in new[] { 1, 2, 3 })
                data.Add(path, threads);
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndThreads))]
    public void Multiply_FloatSplitOverThreads_BitIdenticalToOneThread(string path, int threads) =>
        Sweep<float>(Enum.Parse<KernelPath>(path), threads);

    [Theory]
    [MemberData(nameof(PathsAndThreads))]
    public void Multiply_DoubleSplitOverThreads_BitIdenticalToOneThread(string path, int threads) =>
        Sweep<double>(Enum.Parse<KernelPath>(path), threads);

    [Fact]
    public void Multiply_WideBatchPastColumnBlockAndDepthBlock_BitIdenticalToOneThread()
    {
        using var workers = new KernelWorkers(3) { MinFlopsPerPart = 1 };
        Compare<float, AddReluEpilogue<float>>(workers, KernelPath.Auto, 37, Gemm.NC + 45, Gemm.KC + 3, false, false, false, 11);
        Compare<float, AddScaleEpilogue<float>>(workers, KernelPath.Auto, 37, Gemm.NC + 45, Gemm.KC + 3, true, false, true, 12);
    }

    [Fact]
    public void Multiply_ConcurrentCallersOnOneWorkerSet_EachGetsItsOwnResult()
    {
        using var workers = new KernelWorkers(2) { MinFlopsPerPart = 1 };
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            Compare<double, AddReluEpilogue<double>>(workers, KernelPath.Auto, 40 + i, 70 + 3 * i, 33, i % 2 == 0, i % 3 == 0, false, 100 + i));
    }

    [Fact]
    public void Multiply_OnReplacedWorkerSet_RunsOnTheCallerWithTheSameResult()
    {
        // ComputeThreads.Set disposes the old set; a product that fetched it just before must not wait for its threads.
        var workers = new KernelWorkers(3) { MinFlopsPerPart = 1 };
        workers.Dispose();
        Compare<float, AddReluEpilogue<float>>(workers, KernelPath.Auto, 50, 70, 20, false, false, false, 21);
    }

    [Fact]
    public void Set_ZeroThreads_ThrowsNamingTheValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComputeThreads.Set(0));
        Assert.Contains("Compute threads = 0", e.Message, StringComparison.Ordinal);
    }

    private static void Sweep<T>(KernelPath path, int threads) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var workers = new KernelWorkers(threads) { MinFlopsPerPart = 1 };
        int seed = 0;
        foreach (int m in Sizes)
            foreach (int n in Sizes)
            {
                seed++;
                int k = Sizes[seed % 7];
                Compare<T, AddReluEpilogue<T>>(workers, path, m, n, k, seed % 2 == 0, seed % 3 == 0, seed % 4 == 0, seed);
            }
    }

    private static void Compare<T, TEp>(KernelWorkers workers, KernelPath path, int m, int n, int k,
        bool transA, bool transB, bool accumulate, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEp : struct, IEpilogue<T>
    {
        var rng = new Random(seed);
        T[] Fill(int count) => Enumerable.Range(0, count).Select(_ => T.CreateTruncating(rng.NextDouble() * 2 - 1)).ToArray();
        var a = Fill(m * k);
        var b = Fill(k * n);
        var add = Fill(m * n);
        var aux = Fill(m * n);
        var c0 = Fill(m * n);
        var c1 = (T[])c0.Clone();
        using var one = new KernelWorkers(1);
        Gemm.Multiply(path, m, n, k, a, transA ? m : k, transA, b, transB ? k : n, transB, c0, n, default(TEp), add, n, aux, n, accumulate, one);
        Gemm.Multiply(path, m, n, k, a, transA ? m : k, transA, b, transB ? k : n, transB, c1, n, default(TEp), add, n, aux, n, accumulate, workers);
        for (int i = 0; i < c0.Length; i++)
            if (!c0[i].Equals(c1[i]))
                Assert.Fail($"{typeof(T).Name} {path} threads={workers.Count} m={m} n={n} k={k} transA={transA} transB={transB}: " +
                    $"C[{i / n},{i % n}] one thread {c0[i]}, split {c1[i]}");
    }
}
