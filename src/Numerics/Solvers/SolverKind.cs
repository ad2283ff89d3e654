namespace Idl.Numerics.Solvers;

/// <summary>Which equilibrium solver a trainer, a shard or an evaluation uses; see <see cref="SolverFactory"/>.</summary>
public enum SolverKind
{
    /// <summary>Fixed-point (Picard) iteration X ← φ(AX + BU) (§2, eq. 2.2): converges for every well-posed model.</summary>
    Picard,

    /// <summary>Anderson-accelerated fixed-point iteration, safeguarded by the Picard step.</summary>
    Anderson,

    /// <summary>Exact block back-substitution for a strictly (block) triangular A, e.g. a feed-forward network (eq. 3.2).</summary>
    Triangular,
}
