using System.Globalization;
using System.Numerics;

namespace Idl.Numerics.Solvers;

/// <summary>
/// The outcome of an equilibrium (X = φ(AX + BU)) or adjoint solve. The state is always the last iterate;
/// callers choose to inspect <see cref="Status"/> or call <see cref="EnsureConverged"/>.
/// </summary>
public sealed record EquilibriumResult<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The solution (or last iterate), n×m.</summary>
    public required Matrix<T> State { get; init; }

    /// <summary>Why the solver stopped.</summary>
    public required SolverStatus Status { get; init; }

    /// <summary>Map evaluations performed.</summary>
    public required int Iterations { get; init; }

    /// <summary>The last step's max-norm ‖X_k − X_{k−1}‖∞ over all columns.</summary>
    public required double Residual { get; init; }

    /// <summary>Columns that met the tolerance.</summary>
    public required int ConvergedColumns { get; init; }

    /// <summary>
    /// The a-posteriori bound on ‖X_k − X*‖∞ from the contraction of Theorem 2.2 (κ/(1 − κ)·residual), or NaN when
    /// the map is not a certified contraction.
    /// </summary>
    public double ErrorBound { get; init; } = double.NaN;

    /// <summary>The certified contraction factor κ used for <see cref="ErrorBound"/>, or NaN.</summary>
    public double ContractionFactor { get; init; } = double.NaN;

    /// <summary>Which solver produced the result.</summary>
    public string Solver { get; init; } = "";

    /// <summary>Whether the solve converged.</summary>
    public bool IsConverged => Status == SolverStatus.Converged;

    /// <summary>A one-line human description of the outcome.</summary>
    public string Message => Status switch
    {
        SolverStatus.Converged => Format($"{Solver} converged in {Iterations} iterations (residual {Residual:E2})."),
        SolverStatus.MaxIterations => Format(
            $"{Solver} stopped at its limit of {Iterations} iterations with {ConvergedColumns} converged columns (residual {Residual:E2}); raise MaxIterations or loosen the tolerance, or lower kappa so that the map contracts faster."),
        SolverStatus.Diverged => Format(
            $"{Solver} diverged after {Iterations} iterations (residual {Residual:E2}): A is probably not well-posed for this activation; check 'idl info' and project A so that ||A||_inf <= kappa < 1."),
        SolverStatus.NonFinite => Format($"{Solver} produced NaN or infinity after {Iterations} iterations; the input or the parameters are not finite, or A is not well-posed."),
        SolverStatus.IllPosed => $"{Solver}: the equilibrium has no unique solution for this A (Theorem 2.7: a triangular A needs diag(A) < 1 under ReLU).",
        SolverStatus.NotApplicable => $"{Solver} does not apply: A has no block-triangular structure; use Picard or Anderson.",
        _ => Status.ToString(),
    };

    /// <summary>Returns this result when converged; throws otherwise.</summary>
    /// <exception cref="EquilibriumNotConvergedException">The status is not <see cref="SolverStatus.Converged"/>.</exception>
    public EquilibriumResult<T> EnsureConverged() =>
        IsConverged ? this : throw new EquilibriumNotConvergedException(Status, Message);

    private static string Format(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
