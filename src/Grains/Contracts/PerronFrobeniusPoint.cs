namespace Idl.Grains.Contracts;

/// <summary>The certified enclosure [<paramref name="Lower"/>, <paramref name="Upper"/>] of λ_PF(|A|) (paper Theorem 2.2)
/// after epoch <paramref name="Epoch"/>: the model is well posed for componentwise non-expansive φ when Upper &lt; 1.</summary>
[GenerateSerializer, Immutable, Alias("idl.PerronFrobeniusPoint")]
public sealed record PerronFrobeniusPoint(
    [property: Id(0)] int Epoch,
    [property: Id(1)] double Lower,
    [property: Id(2)] double Upper);
