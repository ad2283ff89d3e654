using System.Numerics;
using Idl.Numerics.Activations;

namespace Idl.Numerics.Solvers;

/// <summary>Shared plumbing of the iterative solvers: both problems become fixed points of a map.</summary>
public abstract class IterativeSolver(SolverOptions options) : IEquilibriumSolver
{
    /// <summary>The stopping rules.</summary>
    public SolverOptions Options { get; } = (options ?? throw new ArgumentNullException(nameof(options))).Validate();

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public EquilibriumResult<T> SolveForward<T>(Matrix<T> a, ActivationMap phi, Matrix<T> inputTerm, Matrix<T>? warmStart = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Solve(new ForwardMap<T>(a, phi, inputTerm), warmStart);

    /// <inheritdoc />
    public EquilibriumResult<T> SolveAdjoint<T>(Matrix<T> a, ActivationMap phi, Matrix<T> state, Matrix<T> w, Matrix<T>? warmStart = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Solve(new AdjointMap<T>(a, phi, state, w), warmStart);

    /// <summary>Finds the fixed point of <paramref name="map"/>.</summary>
    public EquilibriumResult<T> Solve<T>(IFixedPointMap<T> map, Matrix<T>? warmStart = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(map);
        var x = new Matrix<T>(map.Rows, map.Cols);
        if (warmStart is not null)
        {
            Guard.Shape(warmStart, map.Rows, map.Cols, nameof(warmStart));
            x.CopyFrom(warmStart);
            return Iterate(map, x, 0);
        }
        // From zero the first iterate is g(0), which the map computes without a product; it counts as iteration 1,
        // so the iterates and the counts are those of the plain iteration from zero, one product cheaper.
        return map.Rows > 0 && map.Cols > 0 && map.TryApplyAtZero(x) ? Iterate(map, x, 1) : Iterate(map, x, 0);
    }

    /// <summary>Runs the iteration from <paramref name="x"/> (owned by the solver from here on), <paramref name="done"/> iterations already spent.</summary>
    private protected abstract EquilibriumResult<T> Iterate<T>(IFixedPointMap<T> map, Matrix<T> x, int done)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Decides whether to stop after one step; null means go on.</summary>
    private protected SolverStatus? Check<T>(ColumnConvergence<T> c, int cols, double kappa, ref double best, out double bound)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bound = double.IsNaN(kappa) ? double.NaN : kappa / (1 - kappa) * c.Residual;
        if (c.NonFinite) return SolverStatus.NonFinite;
        if (c.ConvergedColumns == cols) return SolverStatus.Converged;
        if (Options.ErrorBoundTolerance is { } tol && bound <= tol) return SolverStatus.Converged;
        best = Math.Min(best, c.Residual);
        if (c.Residual > Options.DivergenceFactor * best) return SolverStatus.Diverged;
        return null;
    }

    /// <summary>Packs the outcome.</summary>
    private protected EquilibriumResult<T> Result<T>(Matrix<T> state, SolverStatus status, int iterations, ColumnConvergence<T>? c,
        double kappa, double bound) where T : unmanaged, IFloatingPointIeee754<T> => new()
    {
        State = state,
        Status = status,
        Iterations = iterations,
        Residual = c?.Residual ?? 0,
        ConvergedColumns = c?.ConvergedColumns ?? state.Cols,
        ErrorBound = bound,
        ContractionFactor = kappa,
        Solver = Name,
    };
}
