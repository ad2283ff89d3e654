using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Idl.Numerics.Kernels;

/// <summary>
/// Per-thread scratch for packed panels: one pinned array per element type and thread, grown on demand and
/// then reused, so steady-state calls allocate nothing.
/// </summary>
internal static unsafe class PackBuffer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    // Cache-line alignment keeps every packed B row (2 vectors = 128 bytes) inside two lines.
    private const int Alignment = 64;

    [ThreadStatic] private static T[]? t_array;

    /// <summary>A 64-byte aligned pointer to at least <paramref name="count"/> elements, valid until the next call on this thread.</summary>
    public static T* Get(long count)
    {
        long needed = count + Alignment / sizeof(T);
        var array = t_array;
        if (array is null || array.Length < needed)
        {
            // Pinned (POH) so the pointer stays valid without a fixed block; contents are overwritten by packing.
            array = GC.AllocateUninitializedArray<T>(checked((int)needed), pinned: true);
            t_array = array;
        }
        nint p = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        return (T*)((p + (Alignment - 1)) & ~(nint)(Alignment - 1));
    }

    /// <summary>Rounds an element count up so the next region starts on an aligned address.</summary>
    public static long Align(long count)
    {
        long per = Alignment / sizeof(T);
        return (count + per - 1) / per * per;
    }
}
