using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Robustness;

/// <summary>
/// Theorem 5.1: when A is replaced by an approximation A⁰ (low rank, pruned) with |A − A⁰| ≤ E, the states x of
/// ξ = φ(Aξ + Bu) and x⁰ of ξ = φ(A⁰ξ + Bu) obey |x − x⁰| ≤ (I − M)⁻¹E|x⁰| for a CONE map, where M = |A| — the
/// proof's |Ax − A⁰x⁰| ≤ |A||x − x⁰| + E|x⁰| — which is at most the paper's |A⁰| + E. The outputs then obey
/// |ŷ − ŷ⁰| ≤ |C|(I − M)⁻¹E|x⁰| (B, C and D unchanged).
/// </summary>
public static class ModelErrorBound
{
    /// <summary>The state bound for each column of <paramref name="approximateState"/> (n×m, states x⁰ of the approximation).</summary>
    /// <param name="a">The original A.</param>
    /// <param name="approximateA">A⁰.</param>
    /// <param name="approximateState">X⁰ = φ(A⁰X⁰ + BU), n×m.</param>
    /// <exception cref="InvalidOperationException">λ_PF(|A|) ≥ 1.</exception>
    public static Matrix<double> State<T>(Matrix<T> a, Matrix<T> approximateA, Matrix<T> approximateState, NonnegativeFixedPoint? solver = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        Guard.Square(a, nameof(a));
        Guard.SameShape(a, approximateA, nameof(approximateA));
        Guard.Shape(approximateState, a.Rows, approximateState.Cols, nameof(approximateState));
        var e = Error(a, approximateA);
        var r = Gemm.Product(e, false, Norms.Abs(approximateState), false);
        return (solver ?? new NonnegativeFixedPoint()).Solve(Norms.Abs(a), r, "model-error");
    }

    /// <summary>|C|·<paramref name="stateBound"/>: the bound on |ŷ − ŷ⁰|, q×m.</summary>
    public static Matrix<double> Output<T>(Matrix<T> c, Matrix<double> stateBound) where T : unmanaged, IFloatingPointIeee754<T> =>
        Gemm.Product(Norms.Abs(c), false, stateBound, false);

    /// <summary>E = |A − A⁰| entrywise, in double.</summary>
    public static Matrix<double> Error<T>(Matrix<T> a, Matrix<T> approximateA) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.SameShape(a, approximateA, nameof(approximateA));
        var e = new Matrix<double>(a.Rows, a.Cols);
        for (int i = 0; i < e.Length; i++)
            e.Data[i] = Math.Abs(double.CreateTruncating(a.Data[i]) - double.CreateTruncating(approximateA.Data[i]));
        return e;
    }
}
