using System.Diagnostics;
using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Benchmarks;

/// <summary>
/// The Vector512 micro-kernel alone, called over and over on the same L1-resident packed panels: the ceiling the
/// blocked product can approach, separating the register tile's efficiency from the cost of feeding it.
/// </summary>
internal static unsafe class KernelCeiling
{
    /// <summary>Best of 8 repetitions, in GFLOP/s; 0 without AVX-512.</summary>
    public static double Gflops<T>(int kc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated) return 0;
        int mr = MicroKernel512<T>.Mr, nr = MicroKernel512<T>.Nr;
        var pa = GC.AllocateArray<T>(mr * kc + 64, pinned: true);
        var pb = GC.AllocateArray<T>(nr * kc + 64, pinned: true);
        var c = GC.AllocateArray<T>(mr * nr + 64, pinned: true);
        for (int i = 0; i < pa.Length; i++) pa[i] = T.CreateTruncating(0.001);
        for (int i = 0; i < pb.Length; i++) pb[i] = T.CreateTruncating(0.001);
        fixed (T* a = pa, b = pb, cc = c)
        {
            T* aa = (T*)(((nint)a + 63) & ~63), bb = (T*)(((nint)b + 63) & ~63), c0 = (T*)(((nint)cc + 63) & ~63);
            var ep = default(ProductEpilogue<T>);
            double best = double.MaxValue;
            int calls = 200_000_000 / (2 * mr * nr * kc) + 1;
            for (int rep = 0; rep < 8; rep++)
            {
                var sw = Stopwatch.StartNew();
                for (int i = 0; i < calls; i++) MicroKernel512<T>.Run(kc, aa, bb, c0, nr, null, 0, null, 0, false, true, in ep);
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
            return 2.0 * mr * nr * kc * calls / best / 1e9;
        }
    }
}
