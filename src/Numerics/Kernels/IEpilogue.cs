using System.Runtime.Intrinsics;

namespace Idl.Numerics.Kernels;

/// <summary>
/// The elementwise output step fused into <see cref="Gemm"/>: <c>out = f(acc, addend, aux)</c>, where
/// <c>acc</c> is the product element and <c>addend</c>/<c>aux</c> the same element of two optional matrices.
/// </summary>
/// <remarks>
/// Implemented by structs so that the JIT specialises the kernel for each epilogue. The project's cheap epilogues
/// are applied straight from the accumulator registers; exp-based and user-defined ones run in a vectorised store
/// right after each tile, while its output is still in L1 (inlining them into the micro-kernel made the JIT spill
/// its accumulators). Either way fusing the forward step's <c>+BU</c> and activation saves a full pass over the
/// output (14–21 % of the GEMM at n = 512, see docs/benchmarks.md).
/// </remarks>
public interface IEpilogue<T> where T : unmanaged
{
    /// <summary>Whether <see cref="Apply(T, T, T)"/> reads <c>addend</c>; when false the kernel passes zero.</summary>
    bool UsesAddend { get; }

    /// <summary>Whether <see cref="Apply(T, T, T)"/> reads <c>aux</c>; when false the kernel passes zero.</summary>
    bool UsesAux { get; }

    /// <summary>Scalar form.</summary>
    T Apply(T acc, T addend, T aux);

    /// <summary>512-bit form; must equal the scalar form lane by lane (up to rounding of transcendental functions).</summary>
    Vector512<T> Apply(Vector512<T> acc, Vector512<T> addend, Vector512<T> aux);

    /// <summary>256-bit form, for CPUs without AVX-512.</summary>
    Vector256<T> Apply(Vector256<T> acc, Vector256<T> addend, Vector256<T> aux);
}
