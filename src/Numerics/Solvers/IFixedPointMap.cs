using System.Numerics;

namespace Idl.Numerics.Solvers;

/// <summary>A map g on n×m matrices whose fixed point X = g(X) a solver seeks, column by column.</summary>
public interface IFixedPointMap<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of the iterate.</summary>
    int Rows { get; }

    /// <summary>Columns (samples) of the iterate.</summary>
    int Cols { get; }

    /// <summary>
    /// A certified κ &lt; 1 with ‖g(X) − g(Y)‖∞ ≤ κ‖X − Y‖∞ for every column, or NaN when none is known.
    /// </summary>
    double ContractionFactor { get; }

    /// <summary>result = g(x); <paramref name="result"/> never aliases <paramref name="x"/>.</summary>
    void Apply(Matrix<T> x, Matrix<T> result);

    /// <summary>
    /// result = g(0) without a matrix product, when the map can (φ(BU) forward, Ψ∘W adjoint): the product of A with a
    /// zero matrix is the whole cost of a first iteration from zero. False when it cannot; the solver then applies g.
    /// </summary>
    bool TryApplyAtZero(Matrix<T> result) => false;
}
