using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Idl.Numerics.Kernels;

/// <summary>
/// Vector256 micro-kernel with a 6 × (2·W) register tile (6×16 float, 6×8 double), for CPUs without AVX-512.
/// </summary>
/// <remarks>
/// 12 accumulators + 2 B vectors + 1 broadcast A value fit the 16 ymm registers, so the k-loop is
/// pure loads and FMAs: 12 FMAs per 8 loads keeps both FMA pipes busy. Generic over T; the JIT
/// specialises float and double separately.
/// </remarks>
internal readonly unsafe struct MicroKernel256<T> : IMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Mr => 6;

    public static int Nr => 2 * Vector256<T>.Count;

    public static int VectorBytes => 32;

    /// <inheritdoc cref="IMicroKernel{T}.Run"/>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TEp>(
        nint kc, T* pa, T* pb, T* c, nint ldc,
        T* addend, nint ldAddend, T* aux, nint ldAux,
        bool loadC, bool last, in TEp ep)
        where TEp : struct, IEpilogue<T>
    {
        nint w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default;
        Vector256<T> c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default;
        Vector256<T> c40 = default, c41 = default;
        Vector256<T> c50 = default, c51 = default;
        for (nint l = 0; l < kc; l++)
        {
            var b0 = Vector256.Load(pb);
            var b1 = Vector256.Load(pb + w);
            Vector256<T> a;
            a = Vector256.Create(pa[0]); c00 = Fma(a, b0, c00); c01 = Fma(a, b1, c01);
            a = Vector256.Create(pa[1]); c10 = Fma(a, b0, c10); c11 = Fma(a, b1, c11);
            a = Vector256.Create(pa[2]); c20 = Fma(a, b0, c20); c21 = Fma(a, b1, c21);
            a = Vector256.Create(pa[3]); c30 = Fma(a, b0, c30); c31 = Fma(a, b1, c31);
            a = Vector256.Create(pa[4]); c40 = Fma(a, b0, c40); c41 = Fma(a, b1, c41);
            a = Vector256.Create(pa[5]); c50 = Fma(a, b0, c50); c51 = Fma(a, b1, c51);
            pa += 6;
            pb += 2 * w;
        }
        StoreRow(c + 0 * ldc, addend + 0 * ldAddend, aux + 0 * ldAux, c00, c01, loadC, last, in ep);
        StoreRow(c + 1 * ldc, addend + 1 * ldAddend, aux + 1 * ldAux, c10, c11, loadC, last, in ep);
        StoreRow(c + 2 * ldc, addend + 2 * ldAddend, aux + 2 * ldAux, c20, c21, loadC, last, in ep);
        StoreRow(c + 3 * ldc, addend + 3 * ldAddend, aux + 3 * ldAux, c30, c31, loadC, last, in ep);
        StoreRow(c + 4 * ldc, addend + 4 * ldAddend, aux + 4 * ldAux, c40, c41, loadC, last, in ep);
        StoreRow(c + 5 * ldc, addend + 5 * ldAddend, aux + 5 * ldAux, c50, c51, loadC, last, in ep);
    }

    // Combine with C, apply the epilogue on the last k-block only, store; addend/aux are never touched
    // unless the epilogue reads them, so their pointers may be null.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TEp>(
        T* c, T* addend, T* aux, Vector256<T> s0, Vector256<T> s1, bool loadC, bool last, in TEp ep)
        where TEp : struct, IEpilogue<T>
    {
        nint w = Vector256<T>.Count;
        if (loadC)
        {
            s0 += Vector256.Load(c);
            s1 += Vector256.Load(c + w);
        }
        if (last)
        {
            var add0 = ep.UsesAddend ? Vector256.Load(addend) : Vector256<T>.Zero;
            var add1 = ep.UsesAddend ? Vector256.Load(addend + w) : Vector256<T>.Zero;
            var aux0 = ep.UsesAux ? Vector256.Load(aux) : Vector256<T>.Zero;
            var aux1 = ep.UsesAux ? Vector256.Load(aux + w) : Vector256<T>.Zero;
            s0 = ep.Apply(s0, add0, aux0);
            s1 = ep.Apply(s1, add1, aux1);
        }
        Vector256.Store(s0, c);
        Vector256.Store(s1, c + w);
    }

    // a·b + c with one rounding where the CPU has FMA (always with AVX-512); the typeof tests fold away.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector256.MultiplyAddEstimate(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector256.MultiplyAddEstimate(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        return a * b + c;
    }
}
