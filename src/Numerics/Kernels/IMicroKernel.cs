using System.Numerics;

namespace Idl.Numerics.Kernels;

/// <summary>
/// A register-tile micro-kernel: <c>C[0..Mr, 0..Nr] = out(Σₗ Â[l, r]·B̂[l, j])</c> over packed panels, where
/// <c>Â</c> is kc×Mr (row r of the tile is column r of the panel) and <c>B̂</c> is kc×Nr.
/// </summary>
/// <remarks>
/// Implemented by structs with static members so the driver is specialised per kernel and the tile sizes
/// are JIT-time constants. A kernel always writes a full tile; the driver sends edge tiles to a scratch tile.
/// </remarks>
internal unsafe interface IMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of the register tile.</summary>
    static abstract int Mr { get; }

    /// <summary>Columns of the register tile.</summary>
    static abstract int Nr { get; }

    /// <summary>Widest vector, in bytes, this path may use (0 for scalar); the out-of-line tile store honours it.</summary>
    static abstract int VectorBytes { get; }

    /// <summary>
    /// Computes the tile sum <c>s</c> over <paramref name="kc"/> packed steps, then stores
    /// <c>C = last ? ep(s (+ C), addend, aux) : s (+ C)</c>, reading C only when <paramref name="loadC"/>.
    /// </summary>
    /// <remarks><paramref name="addend"/>/<paramref name="aux"/> are read only when the epilogue uses them and <paramref name="last"/> is set.</remarks>
    static abstract void Run<TEp>(
        nint kc, T* pa, T* pb, T* c, nint ldc,
        T* addend, nint ldAddend, T* aux, nint ldAux,
        bool loadC, bool last, in TEp ep)
        where TEp : struct, IEpilogue<T>;
}
