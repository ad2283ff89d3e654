namespace Idl.Grains.Contracts;

/// <summary>The counts of one attacked slice; they add up over slices.</summary>
[GenerateSerializer, Immutable, Alias("idl.LpAttackSliceResult")]
public sealed record LpAttackSliceResult(
    [property: Id(0)] int Samples,
    [property: Id(1)] int CleanCorrect,
    [property: Id(2)] int Flipped,
    [property: Id(3)] int Certified,
    [property: Id(4)] int Unsolved);
