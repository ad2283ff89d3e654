namespace Idl.Numerics.Solvers;

/// <summary>Why an equilibrium or adjoint solve stopped.</summary>
public enum SolverStatus
{
    /// <summary>Every column met the tolerance (or the a-posteriori error bound met its tolerance).</summary>
    Converged,

    /// <summary>The iteration limit was reached first; the state is the last iterate, not a fixed point.</summary>
    MaxIterations,

    /// <summary>The residual grew by the divergence factor over its best value: A is likely not well-posed for φ.</summary>
    Diverged,

    /// <summary>An iterate held NaN or ±∞.</summary>
    NonFinite,

    /// <summary>The structure-exact solver found a block with no unique solution (e.g. ReLU with Aᵢᵢ ≥ 1, Theorem 2.7).</summary>
    IllPosed,

    /// <summary>The solver does not apply to this A (e.g. back-substitution on a matrix with cyclic dependencies).</summary>
    NotApplicable,
}
