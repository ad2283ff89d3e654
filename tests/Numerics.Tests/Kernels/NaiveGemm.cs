using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Tests.Kernels;

/// <summary>
/// The independent reference: a plain triple loop summing in double, then the epilogue's scalar form,
/// <c>C[i,j] = ep(Σₗ op(A)[i,l]·op(B)[l,j] (+ C[i,j]), addend[i,j], aux[i,j])</c>.
/// </summary>
internal static class NaiveGemm
{
    public static T[] Multiply<T, TEp>(
        int m, int n, int k, T[] a, int lda, bool transA, T[] b, int ldb, bool transB,
        T[] c, int ldc, TEp ep, T[] addend, int ldAddend, T[] aux, int ldAux, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEp : struct, IEpilogue<T>
    {
        var result = (T[])c.Clone();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int l = 0; l < k; l++)
                {
                    T x = transA ? a[l * lda + i] : a[i * lda + l];
                    T y = transB ? b[j * ldb + l] : b[l * ldb + j];
                    sum += double.CreateTruncating(x) * double.CreateTruncating(y);
                }
                if (accumulate) sum += double.CreateTruncating(c[i * ldc + j]);
                T add = ep.UsesAddend ? addend[i * ldAddend + j] : T.Zero;
                T x2 = ep.UsesAux ? aux[i * ldAux + j] : T.Zero;
                result[i * ldc + j] = ep.Apply(T.CreateTruncating(sum), add, x2);
            }
        }
        return result;
    }
}
