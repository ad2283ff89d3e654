namespace Idl.Numerics.Solvers;

/// <summary>An equilibrium or adjoint solve did not converge; the message says what to change.</summary>
public sealed class EquilibriumNotConvergedException(SolverStatus status, string message) : Exception(message)
{
    /// <summary>The solver's status.</summary>
    public SolverStatus Status { get; } = status;
}
