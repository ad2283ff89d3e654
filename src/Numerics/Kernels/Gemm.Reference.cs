using System.Numerics;

namespace Idl.Numerics.Kernels;

public static partial class Gemm
{
    // Placeholder core: correct row-axpy formulation, replaced by the packed register-tile kernels.
    private static void MultiplyCore<T, TEpilogue>(
        int m, int n, int k,
        ReadOnlySpan<T> a, int lda, bool transA,
        ReadOnlySpan<T> b, int ldb, bool transB,
        Span<T> c, int ldc, TEpilogue epilogue,
        ReadOnlySpan<T> addend, int ldAddend, ReadOnlySpan<T> aux, int ldAux, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEpilogue : struct, IEpilogue<T>
    {
        var row = new T[n];
        for (int i = 0; i < m; i++)
        {
            var acc = row.AsSpan();
            if (accumulate) c.Slice(i * ldc, n).CopyTo(acc);
            else acc.Clear();
            for (int l = 0; l < k; l++)
            {
                T ail = transA ? a[l * lda + i] : a[i * lda + l];
                if (ail == T.Zero) continue;
                if (!transB)
                {
                    var brow = b.Slice(l * ldb, n);
                    for (int j = 0; j < n; j++) acc[j] += ail * brow[j];
                }
                else
                {
                    for (int j = 0; j < n; j++) acc[j] += ail * b[j * ldb + l];
                }
            }
            var crow = c.Slice(i * ldc, n);
            for (int j = 0; j < n; j++)
            {
                T add = epilogue.UsesAddend ? addend[i * ldAddend + j] : T.Zero;
                T x = epilogue.UsesAux ? aux[i * ldAux + j] : T.Zero;
                crow[j] = epilogue.Apply(acc[j], add, x);
            }
        }
    }
}
