using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Idl.Numerics.Kernels;

public static partial class Gemm
{
    /// <summary>
    /// Whether the epilogue is applied inside the micro-kernel, straight from the accumulator registers. Only the
    /// known cheap ones are: inlining exp-based epilogues (tanh, sigmoid) or unknown ones there made the JIT spill
    /// accumulators inside the k-loop. The rest take the out-of-line <see cref="StoreTile{T, TEp, TK}"/>.
    /// </summary>
    private static bool FusesIntoKernel<T, TEp>()
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEp : struct, IEpilogue<T> =>
        typeof(TEp) == typeof(ProductEpilogue<T>) || typeof(TEp) == typeof(AddEpilogue<T>) ||
        typeof(TEp) == typeof(AddReluEpilogue<T>) || typeof(TEp) == typeof(AddLeakyReluEpilogue<T>) ||
        typeof(TEp) == typeof(AddScaleEpilogue<T>);

    /// <summary>
    /// Output step for a rows×cols tile of sums <paramref name="s"/> (leading dimension <paramref name="lds"/>):
    /// <c>C = last ? ep(s (+ C), addend, aux) : s (+ C)</c>, the same rule as the kernels' register store, in the
    /// widest vectors the path allows and scalar for the remainder.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void StoreTile<T, TEp, TK>(
        T* s, nint lds, int rows, int cols, T* c, nint ldc,
        T* addend, nint ldAddend, T* aux, nint ldAux, bool loadC, bool last, in TEp ep)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEp : struct, IEpilogue<T>
        where TK : struct, IMicroKernel<T>
    {
        for (int r = 0; r < rows; r++, s += lds, c += ldc, addend += ldAddend, aux += ldAux)
        {
            int j = 0;
            if (TK.VectorBytes >= 64 && Vector512.IsHardwareAccelerated)
            {
                for (; j + Vector512<T>.Count <= cols; j += Vector512<T>.Count)
                {
                    var v = Vector512.Load(s + j);
                    if (loadC) v += Vector512.Load(c + j);
                    if (last)
                        v = ep.Apply(v, ep.UsesAddend ? Vector512.Load(addend + j) : default,
                            ep.UsesAux ? Vector512.Load(aux + j) : default);
                    Vector512.Store(v, c + j);
                }
            }
            if (TK.VectorBytes >= 32 && Vector256.IsHardwareAccelerated)
            {
                for (; j + Vector256<T>.Count <= cols; j += Vector256<T>.Count)
                {
                    var v = Vector256.Load(s + j);
                    if (loadC) v += Vector256.Load(c + j);
                    if (last)
                        v = ep.Apply(v, ep.UsesAddend ? Vector256.Load(addend + j) : default,
                            ep.UsesAux ? Vector256.Load(aux + j) : default);
                    Vector256.Store(v, c + j);
                }
            }
            for (; j < cols; j++)
            {
                T v = s[j];
                if (loadC) v += c[j];
                if (last) v = ep.Apply(v, ep.UsesAddend ? addend[j] : T.Zero, ep.UsesAux ? aux[j] : T.Zero);
                c[j] = v;
            }
        }
    }
}
