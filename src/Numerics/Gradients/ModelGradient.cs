using System.Numerics;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Gradients;

/// <summary>
/// Gradients of a scalar loss with respect to every parameter (eq. 6.4–6.6) and, optionally, the input U.
/// <see cref="Adjoint"/> holds V = ∇_Z L and its solver status.
/// </summary>
public sealed record ModelGradient<T>(
    Matrix<T> A, Matrix<T> B, Matrix<T> C, Matrix<T> D,
    T[]? StateBias, T[]? OutputBias, Matrix<T>? Input,
    EquilibriumResult<T> Adjoint) where T : unmanaged, IFloatingPointIeee754<T>;
