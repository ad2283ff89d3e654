using System.Globalization;
using System.Numerics;

namespace Idl.Numerics.Solvers;

/// <summary>
/// Stopping rules shared by the equilibrium and adjoint solvers. Column j has converged when
/// <c>max_i |X_k − X_{k−1}| ≤ AbsoluteTolerance + RelativeTolerance · max_i |X_k|</c>; the solve stops when every
/// column has.
/// </summary>
/// <remarks>
/// Float32 Picard iterates stall around one ulp of the state, so the relative tolerance is never taken below
/// <see cref="RelativeFloorUlps"/> machine epsilons of the working precision: a tolerance tighter than the
/// arithmetic can resolve would only turn a converged solve into an iteration-limit failure.
/// </remarks>
public sealed record SolverOptions
{
    /// <summary>The relative-tolerance floor in machine epsilons of the working precision.</summary>
    public const double RelativeFloorUlps = 4;

    /// <summary>Iteration limit (each iteration is one map evaluation). Default 300.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Absolute tolerance on the per-column max-norm step; null selects the precision default (3e-6 float, 1e-12 double).</summary>
    public double? AbsoluteTolerance { get; init; }

    /// <summary>Relative tolerance; null selects the precision default (1e-6 float, 1e-10 double).</summary>
    public double? RelativeTolerance { get; init; }

    /// <summary>Stop as diverged once the residual exceeds this multiple of its best value so far. Default 1e6.</summary>
    public double DivergenceFactor { get; init; } = 1e6;

    /// <summary>
    /// When set and the map is a certified contraction (κ &lt; 1), also stop once the a-posteriori bound
    /// κ/(1 − κ)·‖X_k − X_{k−1}‖∞ on ‖X_k − X*‖∞ falls to this value.
    /// </summary>
    public double? ErrorBoundTolerance { get; init; }

    /// <summary>
    /// Picard only: a column that has met the tolerance leaves the products of the next iterations (its state is
    /// final from then on), once at least 1/16 of the remaining columns have. Default off: each column then stops at
    /// its own tolerance instead of being polished until the slowest column converges, which moves results by up to
    /// κ/(1 − κ)·tolerance; shards and the single-process trainer agree only when both sides choose the same.
    /// <c>idl train</c> turns it on.
    /// </summary>
    public bool ActiveSet { get; init; }

    /// <summary>The defaults.</summary>
    public static SolverOptions Default { get; } = new();

    /// <summary>The effective absolute tolerance for element type <typeparamref name="T"/>.</summary>
    public double Absolute<T>() where T : IFloatingPointIeee754<T> =>
        AbsoluteTolerance ?? (typeof(T) == typeof(float) ? 3e-6 : 1e-12);

    /// <summary>The effective relative tolerance for <typeparamref name="T"/>, floored at a few ulps.</summary>
    public double Relative<T>() where T : IFloatingPointIeee754<T> =>
        Math.Max(RelativeTolerance ?? (typeof(T) == typeof(float) ? 1e-6 : 1e-10),
            RelativeFloorUlps * double.CreateTruncating(MachineEpsilon<T>()));

    /// <summary>Checks every field; the message names the field and its value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range.</exception>
    public SolverOptions Validate()
    {
        if (MaxIterations < 1) throw Bad(nameof(MaxIterations), MaxIterations, "must be at least 1");
        if (AbsoluteTolerance is { } a && !(a >= 0)) throw Bad(nameof(AbsoluteTolerance), a, "must be >= 0");
        if (RelativeTolerance is { } r && !(r >= 0)) throw Bad(nameof(RelativeTolerance), r, "must be >= 0");
        if (AbsoluteTolerance is 0 && RelativeTolerance is 0) throw Bad(nameof(AbsoluteTolerance), 0, "and RelativeTolerance cannot both be 0");
        if (!(DivergenceFactor > 1)) throw Bad(nameof(DivergenceFactor), DivergenceFactor, "must be > 1");
        if (ErrorBoundTolerance is { } e && !(e > 0)) throw Bad(nameof(ErrorBoundTolerance), e, "must be > 0");
        return this;
    }

    internal static T MachineEpsilon<T>() where T : IFloatingPointIeee754<T> => T.BitIncrement(T.One) - T.One;

    private static ArgumentOutOfRangeException Bad(string name, object value, string rule) =>
        new(name, value, string.Create(CultureInfo.InvariantCulture, $"Solver option {name} = {value} {rule}."));
}
