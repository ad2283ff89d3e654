using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Idl.Numerics.Kernels;

/// <summary>
/// Vector512 micro-kernel with a 12 × (2·W) register tile: 12×32 for float, 12×16 for double.
/// </summary>
/// <remarks>
/// 24 accumulators + 2 B vectors + 1 broadcast A value fit the 32 zmm registers, so the k-loop is
/// pure loads and FMAs: 24 FMAs per 14 loads keeps both FMA pipes busy. Generic over T; the JIT
/// specialises float and double separately.
/// </remarks>
internal readonly unsafe struct MicroKernel512<T> : IMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Mr => 12;

    public static int Nr => 2 * Vector512<T>.Count;

    public static int VectorBytes => 64;

    /// <inheritdoc cref="IMicroKernel{T}.Run"/>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TEp>(
        nint kc, T* pa, T* pb, T* c, nint ldc,
        T* addend, nint ldAddend, T* aux, nint ldAux,
        bool loadC, bool last, in TEp ep)
        where TEp : struct, IEpilogue<T>
    {
        nint w = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default;
        Vector512<T> c10 = default, c11 = default;
        Vector512<T> c20 = default, c21 = default;
        Vector512<T> c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default;
        Vector512<T> c50 = default, c51 = default;
        Vector512<T> c60 = default, c61 = default;
        Vector512<T> c70 = default, c71 = default;
        Vector512<T> c80 = default, c81 = default;
        Vector512<T> c90 = default, c91 = default;
        Vector512<T> c100 = default, c101 = default;
        Vector512<T> c110 = default, c111 = default;
        for (nint l = 0; l < kc; l++)
        {
            var b0 = Vector512.Load(pb);
            var b1 = Vector512.Load(pb + w);
            Vector512<T> a;
            a = Vector512.Create(pa[0]); c00 = Fma(a, b0, c00); c01 = Fma(a, b1, c01);
            a = Vector512.Create(pa[1]); c10 = Fma(a, b0, c10); c11 = Fma(a, b1, c11);
            a = Vector512.Create(pa[2]); c20 = Fma(a, b0, c20); c21 = Fma(a, b1, c21);
            a = Vector512.Create(pa[3]); c30 = Fma(a, b0, c30); c31 = Fma(a, b1, c31);
            a = Vector512.Create(pa[4]); c40 = Fma(a, b0, c40); c41 = Fma(a, b1, c41);
            a = Vector512.Create(pa[5]); c50 = Fma(a, b0, c50); c51 = Fma(a, b1, c51);
            a = Vector512.Create(pa[6]); c60 = Fma(a, b0, c60); c61 = Fma(a, b1, c61);
            a = Vector512.Create(pa[7]); c70 = Fma(a, b0, c70); c71 = Fma(a, b1, c71);
            a = Vector512.Create(pa[8]); c80 = Fma(a, b0, c80); c81 = Fma(a, b1, c81);
            a = Vector512.Create(pa[9]); c90 = Fma(a, b0, c90); c91 = Fma(a, b1, c91);
            a = Vector512.Create(pa[10]); c100 = Fma(a, b0, c100); c101 = Fma(a, b1, c101);
            a = Vector512.Create(pa[11]); c110 = Fma(a, b0, c110); c111 = Fma(a, b1, c111);
            pa += 12;
            pb += 2 * w;
        }
        StoreRow(c + 0 * ldc, addend + 0 * ldAddend, aux + 0 * ldAux, c00, c01, loadC, last, in ep);
        StoreRow(c + 1 * ldc, addend + 1 * ldAddend, aux + 1 * ldAux, c10, c11, loadC, last, in ep);
        StoreRow(c + 2 * ldc, addend + 2 * ldAddend, aux + 2 * ldAux, c20, c21, loadC, last, in ep);
        StoreRow(c + 3 * ldc, addend + 3 * ldAddend, aux + 3 * ldAux, c30, c31, loadC, last, in ep);
        StoreRow(c + 4 * ldc, addend + 4 * ldAddend, aux + 4 * ldAux, c40, c41, loadC, last, in ep);
        StoreRow(c + 5 * ldc, addend + 5 * ldAddend, aux + 5 * ldAux, c50, c51, loadC, last, in ep);
        StoreRow(c + 6 * ldc, addend + 6 * ldAddend, aux + 6 * ldAux, c60, c61, loadC, last, in ep);
        StoreRow(c + 7 * ldc, addend + 7 * ldAddend, aux + 7 * ldAux, c70, c71, loadC, last, in ep);
        StoreRow(c + 8 * ldc, addend + 8 * ldAddend, aux + 8 * ldAux, c80, c81, loadC, last, in ep);
        StoreRow(c + 9 * ldc, addend + 9 * ldAddend, aux + 9 * ldAux, c90, c91, loadC, last, in ep);
        StoreRow(c + 10 * ldc, addend + 10 * ldAddend, aux + 10 * ldAux, c100, c101, loadC, last, in ep);
        StoreRow(c + 11 * ldc, addend + 11 * ldAddend, aux + 11 * ldAux, c110, c111, loadC, last, in ep);
    }

    // Combine with C, apply the epilogue on the last k-block only, store; addend/aux are never touched
    // unless the epilogue reads them, so their pointers may be null.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TEp>(
        T* c, T* addend, T* aux, Vector512<T> s0, Vector512<T> s1, bool loadC, bool last, in TEp ep)
        where TEp : struct, IEpilogue<T>
    {
        nint w = Vector512<T>.Count;
        if (loadC)
        {
            s0 += Vector512.Load(c);
            s1 += Vector512.Load(c + w);
        }
        if (last)
        {
            var add0 = ep.UsesAddend ? Vector512.Load(addend) : Vector512<T>.Zero;
            var add1 = ep.UsesAddend ? Vector512.Load(addend + w) : Vector512<T>.Zero;
            var aux0 = ep.UsesAux ? Vector512.Load(aux) : Vector512<T>.Zero;
            var aux1 = ep.UsesAux ? Vector512.Load(aux + w) : Vector512<T>.Zero;
            s0 = ep.Apply(s0, add0, aux0);
            s1 = ep.Apply(s1, add1, aux1);
        }
        Vector512.Store(s0, c);
        Vector512.Store(s1, c + w);
    }

    // a·b + c with one rounding where the CPU has FMA (always with AVX-512); the typeof tests fold away.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector512.MultiplyAddEstimate(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector512.MultiplyAddEstimate(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        return a * b + c;
    }
}
