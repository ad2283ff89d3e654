namespace Idl.Grains.Contracts;

/// <summary>Solver statistics of one shard step: iterations and final residuals of the forward and adjoint solves,
/// solves that did not converge, and the seconds spent computing.</summary>
[GenerateSerializer, Immutable, Alias("idl.SolveStats")]
public sealed record SolveStats(
    [property: Id(0)] int ForwardIterations,
    [property: Id(1)] int BackwardIterations,
    [property: Id(2)] double ForwardResidual,
    [property: Id(3)] double BackwardResidual,
    [property: Id(4)] int NonConverged,
    [property: Id(5)] double ComputeSeconds);
