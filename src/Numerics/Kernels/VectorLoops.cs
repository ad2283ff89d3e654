using System.Numerics;
using System.Runtime.InteropServices;

namespace Idl.Numerics.Kernels;

/// <summary>The in-place sums and scalings of gradient aggregation (<see cref="Training.Steps.GradientSum{T}"/>), used by
/// the single process, the coordinator's mean and the aggregation stages alike so that all of them round alike.</summary>
/// <remarks>Plain vector loops: TensorPrimitives streams spans over 256 KiB past the cache that Adam reads next.</remarks>
public static class VectorLoops
{
    /// <summary>dest = s·x (dest may be x).</summary>
    public static void Scale<T>(ReadOnlySpan<T> x, T s, Span<T> dest) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            var vs = new Vector<T>(s);
            var vx = MemoryMarshal.Cast<T, Vector<T>>(x);
            var vd = MemoryMarshal.Cast<T, Vector<T>>(dest);
            for (int j = 0; j < vx.Length; j++) vd[j] = vx[j] * vs;
            i = vx.Length * Vector<T>.Count;
        }
        for (; i < x.Length; i++) dest[i] = x[i] * s;
    }

    /// <summary>sum += x.</summary>
    public static void Add<T>(Span<T> sum, ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            var vx = MemoryMarshal.Cast<T, Vector<T>>(x);
            var vs = MemoryMarshal.Cast<T, Vector<T>>(sum);
            for (int j = 0; j < vx.Length; j++) vs[j] += vx[j];
            i = vx.Length * Vector<T>.Count;
        }
        for (; i < x.Length; i++) sum[i] += x[i];
    }
}
