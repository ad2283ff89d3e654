namespace Idl.Grains.Contracts;

/// <summary>A marker on a run's curves: <paramref name="Kind"/> happened at step <paramref name="Step"/>.</summary>
[GenerateSerializer, Immutable, Alias("idl.RunEvent")]
public sealed record RunEvent(
    [property: Id(0)] RunEventKind Kind,
    [property: Id(1)] long Step,
    [property: Id(2)] DateTime Utc);
