using Idl.Numerics.Solvers;

namespace Idl.Grains.Contracts;

/// <summary>The equilibrium solver a run uses for forward and adjoint solves. (Id 0 held the kind as a string before.)</summary>
[GenerateSerializer, Immutable, Alias("idl.SolverSettings")]
public sealed record SolverSettings(
    [property: Id(3)] SolverKind Kind = SolverKind.Picard,
    [property: Id(1)] double Tolerance = 3e-6,
    [property: Id(2)] int MaxIterations = 300,
    [property: Id(4)] double RelativeTolerance = 0,
    [property: Id(5)] bool ActiveSet = false)
{
    /// <summary>The stopping rules, as the single-process trainer builds them from <c>--tol</c>, <c>--rtol</c>,
    /// <c>--max-iter</c> (and its active-set choice), so that both paths stop their solves alike.</summary>
    public SolverOptions Options => new()
    {
        AbsoluteTolerance = Tolerance, RelativeTolerance = RelativeTolerance, MaxIterations = MaxIterations, ActiveSet = ActiveSet,
    };

    /// <summary>The wire form of the single process's forward solver settings.</summary>
    public static SolverSettings From(SolverKind kind, SolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(kind, options.AbsoluteTolerance ?? 3e-6, options.MaxIterations, options.RelativeTolerance ?? 0, options.ActiveSet);
    }

    /// <summary>The configured solver.</summary>
    public IEquilibriumSolver Create() => SolverFactory.Create(Kind, Options);
}
