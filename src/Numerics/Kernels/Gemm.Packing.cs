using System.Numerics;
using System.Runtime.CompilerServices;

namespace Idl.Numerics.Kernels;

public static partial class Gemm
{
    /// <summary>
    /// Packs rows <c>i0..i0+mc</c>, columns <c>l0..l0+kc</c> of op(A) into ⌈mc/Mr⌉ micro-panels, each kc×Mr with
    /// <c>panel[l·Mr + r] = op(A)[i0 + p·Mr + r, l0 + l]</c>; rows past mc are zero so edge tiles need no masking.
    /// </summary>
    /// <remarks>Aᵀ is read with strides (row l of the stored k×m matrix), never transposed in memory.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackA<T, TK>(T* a, nint lda, bool transA, int i0, int l0, int mc, int kc, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TK : struct, IMicroKernel<T>
    {
        int mr = TK.Mr;
        for (int p = 0; p < mc; p += mr, dst += (nint)mr * kc)
        {
            int rows = Math.Min(mr, mc - p);
            if (transA)
            {
                // op(A)[i, l] = A[l, i]: each packed step is a contiguous run of stored row l.
                T* src = a + (nint)l0 * lda + i0 + p;
                if (rows == mr)
                {
                    for (int l = 0; l < kc; l++, src += lda)
                        Unsafe.CopyBlockUnaligned(dst + (nint)l * mr, src, (uint)(mr * sizeof(T)));
                }
                else
                {
                    for (int l = 0; l < kc; l++, src += lda)
                        for (int r = 0; r < mr; r++)
                            dst[(nint)l * mr + r] = r < rows ? src[r] : T.Zero;
                }
            }
            else
            {
                // Row-major A: the packed order runs across stored rows.
                PackTransposed(a + (nint)(i0 + p) * lda + l0, lda, rows, kc, dst, mr);
            }
        }
    }

    /// <summary>
    /// Packs rows <c>l0..l0+kc</c>, columns <c>j0..j0+nc</c> of op(B) into ⌈nc/Nr⌉ micro-panels, each kc×Nr with
    /// <c>panel[l·Nr + j] = op(B)[l0 + l, j0 + q·Nr + j]</c>; columns past nc are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackB<T, TK>(T* b, nint ldb, bool transB, int l0, int j0, int kc, int nc, T* dst)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TK : struct, IMicroKernel<T>
    {
        int nr = TK.Nr;
        if (!transB)
        {
            // Bands of 16 stored rows, each band walked panel by panel: 16 sequential read streams that the
            // hardware prefetcher follows, instead of one Nr-wide piece per row with kc rows in between.
            int full = nc / nr * nr;
            for (int l1 = 0; l1 < kc; l1 += 16)
            {
                int l2 = Math.Min(kc, l1 + 16);
                T* d = dst + (nint)l1 * nr;
                for (int q = 0; q < full; q += nr, d += (nint)nr * kc)
                {
                    T* src = b + (nint)(l0 + l1) * ldb + j0 + q;
                    for (int l = l1; l < l2; l++, src += ldb)
                        Unsafe.CopyBlockUnaligned(d + (nint)(l - l1) * nr, src, (uint)(nr * sizeof(T)));
                }
                if (full < nc)
                {
                    T* src = b + (nint)(l0 + l1) * ldb + j0 + full;
                    for (int l = l1; l < l2; l++, src += ldb)
                        for (int j = 0; j < nr; j++)
                            d[(nint)(l - l1) * nr + j] = full + j < nc ? src[j] : T.Zero;
                }
            }
            return;
        }
        for (int q = 0; q < nc; q += nr, dst += (nint)nr * kc)
        {
            // op(B)[l, j] = B[j, l]: the packed order runs across stored rows.
            PackTransposed(b + (nint)(j0 + q) * ldb + l0, ldb, Math.Min(nr, nc - q), kc, dst, nr);
        }
    }
}
