using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Tests.Kernels;

/// <summary>
/// Runs one product on a chosen kernel path against <see cref="NaiveGemm"/>. Every operand is stored with a
/// leading dimension <c>cols + pad</c>; the padding of the inputs holds NaN (so reading it poisons the result)
/// and the padding of C a sentinel that must survive.
/// </summary>
internal static class GemmCase
{
    private const double Sentinel = 12345.5;

    public static void Check<T, TEp>(
        KernelPath path, int m, int n, int k, bool transA, bool transB, TEp ep, bool accumulate, int pad, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEp : struct, IEpilogue<T>
    {
        var rng = new Random(seed);
        var (a, lda) = Filled<T>(transA ? k : m, transA ? m : k, pad, rng, T.NaN);
        var (b, ldb) = Filled<T>(transB ? n : k, transB ? k : n, pad, rng, T.NaN);
        var (c, ldc) = Filled<T>(m, n, pad, rng, T.CreateTruncating(Sentinel));
        var (add, ldAdd) = Filled<T>(m, n, pad, rng, T.NaN);
        var (aux, ldAux) = Filled<T>(m, n, pad, rng, T.NaN);

        var expected = NaiveGemm.Multiply(m, n, k, a, lda, transA, b, ldb, transB, c, ldc, ep, add, ldAdd, aux, ldAux, accumulate);
        Gemm.Multiply(path, m, n, k, a, lda, transA, b, ldb, transB, c, ldc, ep, add, ldAdd, aux, ldAux, accumulate);

        // Sums of k products of values in [-1, 1] are off by about eps·k in the worst likely case.
        double tol = 4 * double.CreateTruncating(Eps<T>()) * (k + 4);
        for (int idx = 0; idx < c.Length; idx++)
        {
            double e = double.CreateTruncating(expected[idx]), got = double.CreateTruncating(c[idx]);
            if (!(Math.Abs(e - got) <= tol))
                Assert.Fail($"{typeof(T).Name} {path} m={m} n={n} k={k} transA={transA} transB={transB} " +
                    $"{typeof(TEp).Name} accumulate={accumulate} pad={pad}: C[{idx / ldc},{idx % ldc}] expected {e:R}, got {got:R} (tol {tol:E2})");
        }
    }

    /// <summary>Machine epsilon (the gap after 1), not <c>T.Epsilon</c> which is the smallest subnormal.</summary>
    public static T Eps<T>() where T : unmanaged, IFloatingPointIeee754<T> => T.BitIncrement(T.One) - T.One;

    private static (T[] Data, int Ld) Filled<T>(int rows, int cols, int pad, Random rng, T padValue)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int ld = cols + pad;
        var data = new T[Math.Max(0, rows * ld)];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < ld; j++)
                data[i * ld + j] = j < cols ? T.CreateTruncating(rng.NextDouble() * 2 - 1) : padValue;
        return (data, ld);
    }
}
