namespace Idl.Grains.Contracts;

/// <summary>The hyper-parameters of one trial of a sweep (its <see cref="Index"/> is its place in the expansion).</summary>
[GenerateSerializer, Immutable, Alias("idl.TrialConfig")]
public sealed record TrialConfig(
    [property: Id(0)] int Index,
    [property: Id(1)] double Kappa,
    [property: Id(2)] int Hidden,
    [property: Id(3)] double LearningRate,
    [property: Id(4)] int Seed);
