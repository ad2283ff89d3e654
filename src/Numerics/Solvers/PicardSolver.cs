using System.Numerics;

namespace Idl.Numerics.Solvers;

/// <summary>
/// Fixed-point (Picard) iteration X_{k+1} = g(X_k) (eq. 2.6 forward, eq. 6.6 adjoint). Converges linearly when
/// λ_PF(N(A, γ)) &lt; 1 (Theorem 2.2); when ‖A‖∞ ≤ κ &lt; 1 and φ is CONE the result carries the a-posteriori
/// bound ‖X_k − X*‖∞ ≤ κ/(1 − κ)·‖X_k − X_{k−1}‖∞.
/// </summary>
/// <remarks>
/// With <see cref="SolverOptions.ActiveSet"/> columns that have converged stop iterating: each keeps
/// the iterate at which it met the tolerance, and the products of later iterations cover only the others.
/// </remarks>
public sealed class PicardSolver(SolverOptions? options = null) : IterativeSolver(options ?? SolverOptions.Default)
{
    /// <inheritdoc />
    public override string Name => "picard";

    /// <inheritdoc />
    private protected override EquilibriumResult<T> Iterate<T>(IFixedPointMap<T> map, Matrix<T> x, int done)
    {
        if (Options.ActiveSet && map is IColumnRestrictable<T> && map.Cols > 1) return IterateActive(map, x, done);
        var next = new Matrix<T>(map.Rows, map.Cols);
        var convergence = new ColumnConvergence<T>(map.Cols);
        double abs = Options.Absolute<T>(), rel = Options.Relative<T>(), kappa = map.ContractionFactor;
        double best = double.PositiveInfinity, bound = double.NaN;
        for (int k = done + 1; k <= Options.MaxIterations; k++)
        {
            map.Apply(x, next);
            convergence.Measure(x, next, abs, rel);
            (x, next) = (next, x);
            if (Check(convergence, map.Cols, kappa, ref best, out bound) is { } status)
                return Result(x, status, k, convergence, kappa, bound);
        }
        return Result(x, SolverStatus.MaxIterations, Options.MaxIterations, convergence, kappa, bound);
    }

    /// <summary>
    /// Picard on a shrinking set of columns: <paramref name="full"/> receives each column's final state when it
    /// leaves; <c>columns</c> maps the narrowed iterate's columns to the full ones.
    /// </summary>
    private EquilibriumResult<T> IterateActive<T>(IFixedPointMap<T> map, Matrix<T> full, int done)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int active = map.Cols, left = 0;
        var columns = Enumerable.Range(0, active).ToArray();
        var keep = new int[active];
        Matrix<T> x = full, next = new(map.Rows, active);
        var convergence = new ColumnConvergence<T>(active);
        double abs = Options.Absolute<T>(), rel = Options.Relative<T>(), kappa = map.ContractionFactor;
        double best = double.PositiveInfinity, bound = double.NaN, leftResidual = 0;
        SolverStatus status = SolverStatus.MaxIterations;
        int k = done;
        while (k < Options.MaxIterations)
        {
            k++;
            map.Apply(x, next);
            convergence.Measure(x, next, abs, rel);
            (x, next) = (next, x);
            if (Check(convergence, active, kappa, ref best, out bound) is { } s)
            {
                status = s;
                break;
            }
            int converged = convergence.ConvergedColumns;
            if (converged == 0 || 16 * converged < active) continue;

            // Narrow: converged columns keep this iterate, which met their tolerance; the rest go on alone.
            var c = convergence;
            ColumnSubset.Scatter(x, columns, full, j => c.IsConverged(j));
            int kept = 0;
            for (int j = 0; j < active; j++)
                if (!c.IsConverged(j)) keep[kept++] = j;
                else leftResidual = Math.Max(leftResidual, c.Step(j));
            map = ((IColumnRestrictable<T>)map).Restrict(keep, kept);
            x = ColumnSubset.Gather(x, keep, kept);
            next = new Matrix<T>(map.Rows, kept);
            for (int j = 0; j < kept; j++) columns[j] = columns[keep[j]];
            left += active - kept;
            active = kept;
            convergence = new ColumnConvergence<T>(active);
        }
        if (!ReferenceEquals(x, full)) ColumnSubset.Scatter(x, columns, full);
        return Result(full, status, k, convergence, kappa, bound) with
        {
            Residual = Math.Max(leftResidual, convergence.Residual),
            ConvergedColumns = left + convergence.ConvergedColumns,
        };
    }
}
