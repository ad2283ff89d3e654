using System.Numerics;

namespace Idl.Numerics.Solvers;

/// <summary>
/// Fixed-point (Picard) iteration X_{k+1} = g(X_k) (eq. 2.6 forward, eq. 6.6 adjoint). Converges linearly when
/// λ_PF(N(A, γ)) &lt; 1 (Theorem 2.2); when ‖A‖∞ ≤ κ &lt; 1 and φ is CONE the result carries the a-posteriori
/// bound ‖X_k − X*‖∞ ≤ κ/(1 − κ)·‖X_k − X_{k−1}‖∞.
/// </summary>
public sealed class PicardSolver(SolverOptions? options = null) : IterativeSolver(options ?? SolverOptions.Default)
{
    /// <inheritdoc />
    public override string Name => "picard";

    /// <inheritdoc />
    private protected override EquilibriumResult<T> Iterate<T>(IFixedPointMap<T> map, Matrix<T> x)
    {
        var next = new Matrix<T>(map.Rows, map.Cols);
        var convergence = new ColumnConvergence<T>(map.Cols);
        double abs = Options.Absolute<T>(), rel = Options.Relative<T>(), kappa = map.ContractionFactor;
        double best = double.PositiveInfinity, bound = double.NaN;
        for (int k = 1; k <= Options.MaxIterations; k++)
        {
            map.Apply(x, next);
            convergence.Measure(x, next, abs, rel);
            (x, next) = (next, x);
            if (Check(convergence, map.Cols, kappa, ref best, out bound) is { } status)
                return Result(x, status, k, convergence, kappa, bound);
        }
        return Result(x, SolverStatus.MaxIterations, Options.MaxIterations, convergence, kappa, bound);
    }
}
