namespace Idl.Grains.Contracts;

/// <summary>
/// A slice of samples for <see cref="ILpAttackGrain"/>: inputs already in the model's units (row-major, one row per
/// sample), their labels, the valid input range, and the attack's settings. The model is read from
/// <paramref name="ModelPath"/>, which every silo must see (one machine, or a shared volume).
/// </summary>
[GenerateSerializer, Immutable, Alias("idl.LpAttackSlice")]
public sealed record LpAttackSlice(
    [property: Id(0)] string ModelPath,
    [property: Id(1)] int First,
    [property: Id(2)] double[] Inputs,
    [property: Id(3)] int[] Labels,
    [property: Id(4)] double[] Lower,
    [property: Id(5)] double[] Upper,
    [property: Id(6)] double Epsilon,
    [property: Id(7)] int? Cardinality,
    [property: Id(8)] bool Margin);
