using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Idl.Benchmarks;

/// <summary>
/// Single-thread FMA peak of this machine: 16 independent FMA chains (enough to cover FMA latency × pipes on
/// current x64 cores), 2 flops per lane per FMA. Vector512 where accelerated, else Vector256.
/// </summary>
internal static class Peak
{
    private const long Iterations = 5_000_000;

    /// <summary>Best of <paramref name="reps"/> runs, in GFLOP/s.</summary>
    public static double Measure<T>(int reps) where T : unmanaged
    {
        double best = 0;
        for (int r = 0; r <= reps; r++)
        {
            var sw = Stopwatch.StartNew();
            double sink = typeof(T) == typeof(float) ? RunFloat(Iterations) : RunDouble(Iterations);
            double s = sw.Elapsed.TotalSeconds;
            int lanes = (Vector512.IsHardwareAccelerated ? 64 : 32) / Unsafe.SizeOf<T>();
            if (r > 0 && !double.IsNaN(sink)) best = Math.Max(best, Iterations * 16.0 * 2 * lanes / s / 1e9);
        }
        return best;
    }

    public static string Width => Vector512.IsHardwareAccelerated ? "Vector512" : "Vector256";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double RunFloat(long n) => Vector512.IsHardwareAccelerated
        ? Vector512.Sum(Chains512(n, 0.999999f, 1e-7f)) : Vector256.Sum(Chains256(n, 0.999999f, 1e-7f));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double RunDouble(long n) => Vector512.IsHardwareAccelerated
        ? Vector512.Sum(Chains512(n, 0.999999, 1e-7)) : Vector256.Sum(Chains256(n, 0.999999, 1e-7));

    // x ← x·m + a converges to a/(1−m): the values stay finite and the JIT cannot fold the loop away.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector512<T> Chains512<T>(long n, T mul, T add) where T : unmanaged
    {
        var m = Vector512.Create(mul);
        var a = Vector512.Create(add);
        Vector512<T> x0 = a, x1 = a, x2 = a, x3 = a, x4 = a, x5 = a, x6 = a, x7 = a;
        Vector512<T> x8 = a, x9 = a, x10 = a, x11 = a, x12 = a, x13 = a, x14 = a, x15 = a;
        for (; n > 0; n--)
        {
            x0 = Fma(x0, m, a); x1 = Fma(x1, m, a); x2 = Fma(x2, m, a); x3 = Fma(x3, m, a);
            x4 = Fma(x4, m, a); x5 = Fma(x5, m, a); x6 = Fma(x6, m, a); x7 = Fma(x7, m, a);
            x8 = Fma(x8, m, a); x9 = Fma(x9, m, a); x10 = Fma(x10, m, a); x11 = Fma(x11, m, a);
            x12 = Fma(x12, m, a); x13 = Fma(x13, m, a); x14 = Fma(x14, m, a); x15 = Fma(x15, m, a);
        }
        return x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11 + x12 + x13 + x14 + x15;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector256<T> Chains256<T>(long n, T mul, T add) where T : unmanaged
    {
        var m = Vector256.Create(mul);
        var a = Vector256.Create(add);
        Vector256<T> x0 = a, x1 = a, x2 = a, x3 = a, x4 = a, x5 = a, x6 = a, x7 = a;
        Vector256<T> x8 = a, x9 = a, x10 = a, x11 = a, x12 = a, x13 = a, x14 = a, x15 = a;
        for (; n > 0; n--)
        {
            x0 = Fma(x0, m, a); x1 = Fma(x1, m, a); x2 = Fma(x2, m, a); x3 = Fma(x3, m, a);
            x4 = Fma(x4, m, a); x5 = Fma(x5, m, a); x6 = Fma(x6, m, a); x7 = Fma(x7, m, a);
            x8 = Fma(x8, m, a); x9 = Fma(x9, m, a); x10 = Fma(x10, m, a); x11 = Fma(x11, m, a);
            x12 = Fma(x12, m, a); x13 = Fma(x13, m, a); x14 = Fma(x14, m, a); x15 = Fma(x15, m, a);
        }
        return x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11 + x12 + x13 + x14 + x15;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma<T>(Vector512<T> x, Vector512<T> m, Vector512<T> a) where T : unmanaged =>
        typeof(T) == typeof(float)
            ? Vector512.FusedMultiplyAdd(x.AsSingle(), m.AsSingle(), a.AsSingle()).As<float, T>()
            : Vector512.FusedMultiplyAdd(x.AsDouble(), m.AsDouble(), a.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> x, Vector256<T> m, Vector256<T> a) where T : unmanaged =>
        typeof(T) == typeof(float)
            ? Vector256.FusedMultiplyAdd(x.AsSingle(), m.AsSingle(), a.AsSingle()).As<float, T>()
            : Vector256.FusedMultiplyAdd(x.AsDouble(), m.AsDouble(), a.AsDouble()).As<double, T>();
}
