using Idl.Numerics.Solvers;

namespace Idl.Grains.Contracts;

/// <summary>The equilibrium solver a run uses for forward and adjoint solves. (Id 0 held the kind as a string before.)</summary>
[GenerateSerializer, Immutable, Alias("idl.SolverSettings")]
public sealed record SolverSettings(
    [property: Id(3)] SolverKind Kind = SolverKind.Picard,
    [property: Id(1)] double Tolerance = 3e-6,
    [property: Id(2)] int MaxIterations = 300)
{
    /// <summary>The stopping rules, as the single-process trainer builds them from <c>--tol</c> and <c>--max-iter</c>.</summary>
    public SolverOptions Options => new() { AbsoluteTolerance = Tolerance, RelativeTolerance = 0, MaxIterations = MaxIterations };

    /// <summary>The configured solver.</summary>
    public IEquilibriumSolver Create() => SolverFactory.Create(Kind, Options);
}
