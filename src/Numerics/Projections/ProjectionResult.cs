namespace Idl.Numerics.Projections;

/// <summary>What one projection (eq. 6.7 or its BLIP form) did.</summary>
/// <param name="RowsProjected">Rows (or block-rows, for the BLIP form) that were outside the ball and were changed.</param>
/// <param name="MaxLambda">
/// The largest soft-threshold λ used over all projected rows (for the BLIP form, the threshold μ of the budget
/// allocation); 0 when nothing was projected.
/// </param>
/// <param name="MaxIterations">The most bisection steps any row needed; 0 for the exact method.</param>
/// <param name="Converged">
/// False when some row stopped at the bisection iteration limit before reaching the tolerance. Such a row is still
/// feasible (the feasible end of its λ-interval is used) but is farther from the exact projection.
/// </param>
public readonly record struct ProjectionResult(int RowsProjected, double MaxLambda, int MaxIterations, bool Converged)
{
    /// <summary>The result of projecting nothing.</summary>
    public static ProjectionResult Empty => new(0, 0.0, 0, true);

    /// <summary>Combines the results of two disjoint sets of rows.</summary>
    public ProjectionResult Merge(ProjectionResult other) => new(
        RowsProjected + other.RowsProjected,
        Math.Max(MaxLambda, other.MaxLambda),
        Math.Max(MaxIterations, other.MaxIterations),
        Converged && other.Converged);
}
