using System.Numerics;
using Idl.Numerics.Activations;

namespace Idl.Numerics.Solvers;

/// <summary>
/// A configured, immutable solver for the equilibrium X = φ(AX + BU) (eq. 2.3, batched) and for the adjoint
/// V = J(Z)ᵀ(AᵀV + CᵀG) (eq. 6.5–6.6) of the same model. Results carry a status; nothing is thrown for
/// non-convergence (see <see cref="EquilibriumResult{T}.EnsureConverged"/>).
/// </summary>
public interface IEquilibriumSolver
{
    /// <summary>A short name for reports (e.g. <c>picard</c>).</summary>
    string Name { get; }

    /// <summary>Solves X = φ(AX + <paramref name="inputTerm"/>), starting from <paramref name="warmStart"/> or zero.</summary>
    EquilibriumResult<T> SolveForward<T>(Matrix<T> a, ActivationMap phi, Matrix<T> inputTerm, Matrix<T>? warmStart = null)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// Solves V = J(Z)ᵀ(AᵀV + <paramref name="w"/>) at the equilibrium <paramref name="state"/> X = φ(Z), with
    /// W = CᵀG, starting from <paramref name="warmStart"/> or zero.
    /// </summary>
    EquilibriumResult<T> SolveAdjoint<T>(Matrix<T> a, ActivationMap phi, Matrix<T> state, Matrix<T> w, Matrix<T>? warmStart = null)
        where T : unmanaged, IFloatingPointIeee754<T>;
}
