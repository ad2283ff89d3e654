using Idl.Numerics.Solvers;
using Idl.Numerics.Training;

namespace Idl.Grains.Contracts;

/// <summary>The equilibrium solver a run uses for forward and adjoint solves.</summary>
[GenerateSerializer, Immutable, Alias("idl.SolverSettings")]
public sealed record SolverSettings(
    [property: Id(0)] string Solver = "picard",
    [property: Id(1)] double Tolerance = 3e-6,
    [property: Id(2)] int MaxIterations = 300)
{
    /// <summary>The configured solver.</summary>
    public IEquilibriumSolver Create() => ProjectedGradientTrainer<double>.CreateSolver(Solver,
        new SolverOptions { AbsoluteTolerance = Tolerance, RelativeTolerance = 0, MaxIterations = MaxIterations });
}
