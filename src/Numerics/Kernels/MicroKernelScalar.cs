using System.Numerics;
using System.Runtime.CompilerServices;

namespace Idl.Numerics.Kernels;

/// <summary>Scalar 4×4 micro-kernel: the portable fallback, and a width-independent check on the SIMD kernels.</summary>
internal readonly unsafe struct MicroKernelScalar<T> : IMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Mr => 4;

    public static int Nr => 4;

    public static int VectorBytes => 0;

    /// <inheritdoc cref="IMicroKernel{T}.Run"/>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TEp>(
        nint kc, T* pa, T* pb, T* c, nint ldc,
        T* addend, nint ldAddend, T* aux, nint ldAux,
        bool loadC, bool last, in TEp ep)
        where TEp : struct, IEpilogue<T>
    {
        T* s = stackalloc T[16];
        for (int i = 0; i < 16; i++) s[i] = T.Zero;
        for (nint l = 0; l < kc; l++)
        {
            for (int r = 0; r < 4; r++)
            {
                T a = pa[r];
                s[4 * r] += a * pb[0];
                s[4 * r + 1] += a * pb[1];
                s[4 * r + 2] += a * pb[2];
                s[4 * r + 3] += a * pb[3];
            }
            pa += 4;
            pb += 4;
        }
        Gemm.StoreTile<T, TEp, MicroKernelScalar<T>>(s, 4, 4, 4, c, ldc, addend, ldAddend, aux, ldAux, loadC, last, in ep);
    }
}
