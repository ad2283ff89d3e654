namespace Idl.Numerics.Projections;

/// <summary>How <see cref="L1BallProjection"/> finds the soft-threshold λ* of each row (eq. 6.7).</summary>
public enum L1ProjectionMethod
{
    /// <summary>
    /// Exact, by sorting |a| (Held, Wolfe &amp; Crowder 1974; Duchi et al. 2008): O(n log n) per row, no tolerance.
    /// </summary>
    Sort,

    /// <summary>
    /// Exact, by Michelot's active-set iteration (Michelot 1986; Condat 2016): λ ← (Σ_{|aᵢ|&gt;λ} |aᵢ| − r)/#{|aᵢ|&gt;λ}
    /// from λ = (‖a‖₁ − r)/n rises monotonically to λ* and stops when the set is stable — a few O(n) passes,
    /// no sort, no tolerance. The default.
    /// </summary>
    Michelot,

    /// <summary>
    /// The paper's bisection on the dual variable λ (§6.2), run until the λ-interval is below the configured
    /// tolerance; the feasible end of the interval is used, so the output is always inside the ball.
    /// </summary>
    Bisection,
}
