using System.Runtime.Intrinsics;

namespace Idl.Numerics.Kernels;

/// <summary>Which micro-kernel family <see cref="Gemm"/> runs; tests force each one explicitly.</summary>
internal enum KernelPath
{
    /// <summary>The widest accelerated path of this CPU.</summary>
    Auto,

    /// <summary>12-row × 2-vector Vector512 register tile (AVX-512).</summary>
    Vector512,

    /// <summary>6-row × 2-vector Vector256 register tile (AVX2).</summary>
    Vector256,

    /// <summary>4×4 scalar tile, for CPUs without 256-bit SIMD.</summary>
    Scalar,
}

internal static class KernelPaths
{
    /// <summary>Maps <see cref="KernelPath.Auto"/> to the widest hardware-accelerated width.</summary>
    public static KernelPath Resolve(KernelPath path) => path switch
    {
        KernelPath.Auto when Vector512.IsHardwareAccelerated => KernelPath.Vector512,
        KernelPath.Auto when Vector256.IsHardwareAccelerated => KernelPath.Vector256,
        KernelPath.Auto => KernelPath.Scalar,
        _ => path,
    };
}
