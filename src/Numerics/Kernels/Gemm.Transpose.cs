using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Idl.Numerics.Kernels;

public static partial class Gemm
{
    /// <summary>
    /// Transposing copy <c>dst[l·width + r] = src[r·ld + l]</c> for r &lt; rows, l &lt; kc, and zero for
    /// rows ≤ r &lt; width: packs row-major A or stored Bᵀ, whose packed order runs across the stored rows.
    /// </summary>
    /// <remarks>
    /// 4×4 blocks go through registers (SSE for float, AVX for double): 4 loads, 8 shuffles and 4 stores
    /// replace 16 scalar loads and stores. Used for full panels with width % 4 == 0; edge panels, the tail in l
    /// and other CPUs are scalar.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackTransposed<T>(T* src, nint ld, int rows, int kc, T* dst, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int l = 0;
        if (rows == width && width % 4 == 0)
        {
            if (typeof(T) == typeof(float) && Sse.IsSupported)
            {
                for (; l + 4 <= kc; l += 4)
                    for (int r = 0; r < rows; r += 4)
                        Transpose4x4((float*)src + r * ld + l, ld, (float*)dst + (nint)l * rows + r, rows);
            }
            else if (typeof(T) == typeof(double) && Avx.IsSupported)
            {
                for (; l + 4 <= kc; l += 4)
                    for (int r = 0; r < rows; r += 4)
                        Transpose4x4((double*)src + r * ld + l, ld, (double*)dst + (nint)l * rows + r, rows);
            }
        }
        for (; l < kc; l++)
            for (int r = 0; r < width; r++)
                dst[(nint)l * width + r] = r < rows ? src[r * ld + l] : T.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Transpose4x4(float* s, nint ld, float* d, nint ldd)
    {
        var r0 = Sse.LoadVector128(s);
        var r1 = Sse.LoadVector128(s + ld);
        var r2 = Sse.LoadVector128(s + 2 * ld);
        var r3 = Sse.LoadVector128(s + 3 * ld);
        var t0 = Sse.UnpackLow(r0, r1);  // r0[0] r1[0] r0[1] r1[1]
        var t1 = Sse.UnpackLow(r2, r3);  // r2[0] r3[0] r2[1] r3[1]
        var t2 = Sse.UnpackHigh(r0, r1); // r0[2] r1[2] r0[3] r1[3]
        var t3 = Sse.UnpackHigh(r2, r3); // r2[2] r3[2] r2[3] r3[3]
        Sse.Store(d, Sse.MoveLowToHigh(t0, t1));
        Sse.Store(d + ldd, Sse.MoveHighToLow(t1, t0));
        Sse.Store(d + 2 * ldd, Sse.MoveLowToHigh(t2, t3));
        Sse.Store(d + 3 * ldd, Sse.MoveHighToLow(t3, t2));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Transpose4x4(double* s, nint ld, double* d, nint ldd)
    {
        var r0 = Avx.LoadVector256(s);
        var r1 = Avx.LoadVector256(s + ld);
        var r2 = Avx.LoadVector256(s + 2 * ld);
        var r3 = Avx.LoadVector256(s + 3 * ld);
        var t0 = Avx.UnpackLow(r0, r1);  // r0[0] r1[0] r0[2] r1[2]
        var t1 = Avx.UnpackHigh(r0, r1); // r0[1] r1[1] r0[3] r1[3]
        var t2 = Avx.UnpackLow(r2, r3);  // r2[0] r3[0] r2[2] r3[2]
        var t3 = Avx.UnpackHigh(r2, r3); // r2[1] r3[1] r2[3] r3[3]
        Avx.Store(d, Avx.Permute2x128(t0, t2, 0x20));
        Avx.Store(d + ldd, Avx.Permute2x128(t1, t3, 0x20));
        Avx.Store(d + 2 * ldd, Avx.Permute2x128(t0, t2, 0x31));
        Avx.Store(d + 3 * ldd, Avx.Permute2x128(t1, t3, 0x31));
    }
}
