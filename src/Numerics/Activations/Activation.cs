using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Activations;

/// <summary>
/// One map φₗ of a blockwise-Lipschitz (BLIP) activation (§2.1): it acts on blocks of <see cref="BlockSize"/>
/// consecutive state rows, is <see cref="Lipschitz"/>-Lipschitz in the ℓ<see cref="NormP"/> norm, and knows its
/// own derivative. Componentwise maps (block size 1) with γ ≤ 1 are CONE maps (eq. 2.1).
/// </summary>
/// <remarks>
/// Operands are row-major slices holding whole state rows (rows × cols, samples in columns). Every derivative is
/// computed from the output x = φ(z) alone — true for all maps here — so solvers never keep Z.
/// </remarks>
public abstract class Activation
{
    /// <summary>Stable name used in model files and reports, e.g. <c>relu</c> or <c>softmax(10)</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The Lipschitz constant γₗ of one block (§2.1).</summary>
    public abstract double Lipschitz { get; }

    /// <summary>The rows of one block, nₗ; 1 for componentwise maps.</summary>
    public virtual int BlockSize => 1;

    /// <summary>The norm index pₗ in which <see cref="Lipschitz"/> holds (1 for the blockwise softmax).</summary>
    public virtual int NormP => 1;

    /// <summary>Whether the map acts on each entry alone (block size 1).</summary>
    public bool IsComponentwise => BlockSize == 1;

    /// <summary>Whether φ(tz) = tφ(z) for t ≥ 0, which the rescaling of §2.5 requires.</summary>
    public virtual bool IsPositivelyHomogeneous => false;

    /// <summary>x = φ(z) on <paramref name="rows"/>×<paramref name="cols"/> values; <paramref name="x"/> may be <paramref name="z"/>.</summary>
    public abstract void Forward<T>(ReadOnlySpan<T> z, Span<T> x, int rows, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// result = J(z)ᵀ w, the vector-Jacobian product at the point whose output is <paramref name="x"/>;
    /// <paramref name="result"/> may be <paramref name="w"/>.
    /// </summary>
    public abstract void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> result, int rows, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>d = φ′(z) entrywise, from x = φ(z); componentwise maps only (the diagonal Φ of eq. 6.4).</summary>
    /// <exception cref="NotSupportedException">The map is blockwise; use <see cref="Backward{T}"/>.</exception>
    public virtual void Derivative<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T> =>
        throw new NotSupportedException($"Activation {Name} is blockwise and has no diagonal derivative; use Backward.");

    /// <summary>
    /// One forward step X′ = φ(A·X + BU) for a map that covers the whole state, fused into the product's output
    /// where the map allows it.
    /// </summary>
    public virtual void ForwardStep<T>(Matrix<T> a, Matrix<T> x, Matrix<T> bu, Matrix<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Gemm.Multiply(a, false, x, false, result, default(AddEpilogue<T>), bu);
        Forward<T>(result.Data, result.Data, result.Rows, result.Cols);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
