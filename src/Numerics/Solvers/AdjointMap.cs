using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Solvers;

/// <summary>
/// The adjoint map g(V) = J(Z)ᵀ(AᵀV + W) of eq. 6.5–6.6, with W = CᵀG: for componentwise φ this is
/// Ψ ∘ (AᵀV + W) with Ψ = φ′(Z), fused into the product; for blockwise maps a Jacobian-vector product.
/// </summary>
/// <remarks>
/// No max-norm contraction is certified: ‖A‖∞ &lt; 1 makes this map contract in the ℓ1 norm of each column
/// (‖Aᵀv‖₁ ≤ ‖A‖∞‖v‖₁), not in the max-norm that the solvers' bound is stated in.
/// </remarks>
public sealed class AdjointMap<T> : IFixedPointMap<T>, IColumnRestrictable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Matrix<T>? _psi;

    /// <summary>Creates the map at the equilibrium <paramref name="state"/> X = φ(Z).</summary>
    public AdjointMap(Matrix<T> a, ActivationMap phi, Matrix<T> state, Matrix<T> w)
    {
        Guard.Square(a, nameof(a));
        Guard.Shape(state, a.Rows, w.Cols, nameof(state));
        Guard.Shape(w, a.Rows, state.Cols, nameof(w));
        (A, Phi, State, W) = (a, phi, state, w);
        var psi = new Matrix<T>(state.Rows, state.Cols);
        if (phi.TryDerivative(state, psi)) _psi = psi;
    }

    private AdjointMap(AdjointMap<T> full, int[] columns, int count)
    {
        (A, Phi) = (full.A, full.Phi);
        State = ColumnSubset.Gather(full.State, columns, count);
        W = ColumnSubset.Gather(full.W, columns, count);
        _psi = full._psi is null ? null : ColumnSubset.Gather(full._psi, columns, count);
    }

    public Matrix<T> A { get; }
    public ActivationMap Phi { get; }
    public Matrix<T> State { get; }
    public Matrix<T> W { get; }
    public int Rows => A.Rows;
    public int Cols => W.Cols;
    public double ContractionFactor => double.NaN;

    /// <summary>Ψ = φ′(Z) when φ is componentwise, else null.</summary>
    public Matrix<T>? Psi => _psi;

    /// <inheritdoc />
    public void Apply(Matrix<T> v, Matrix<T> result)
    {
        if (_psi is not null)
        {
            Gemm.Multiply(A, true, v, false, result, default(AddScaleEpilogue<T>), W, _psi);
            return;
        }
        Gemm.Multiply(A, true, v, false, result, default(AddEpilogue<T>), W);
        Phi.Backward(State, result, result);
    }

    IFixedPointMap<T> IColumnRestrictable<T>.Restrict(int[] columns, int count) => new AdjointMap<T>(this, columns, count);

    /// <inheritdoc />
    public bool TryApplyAtZero(Matrix<T> result)
    {
        if (_psi is null)
        {
            Phi.Backward(State, W, result);
            return true;
        }
        var r = result.Span;
        ReadOnlySpan<T> w = W.Span, psi = _psi.Span;
        for (int i = 0; i < r.Length; i++) r[i] = psi[i] * w[i];
        return true;
    }
}
