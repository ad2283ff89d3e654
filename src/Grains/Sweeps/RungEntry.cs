namespace Idl.Grains.Sweeps;

/// <summary>One ASHA decision: <see cref="Trial"/> reported <see cref="Metric"/> at rung <see cref="Epoch"/> and
/// continued or stopped.</summary>
[GenerateSerializer, Immutable, Alias("idl.RungEntry")]
public sealed record RungEntry(
    [property: Id(0)] int Epoch,
    [property: Id(1)] int Trial,
    [property: Id(2)] double Metric,
    [property: Id(3)] bool Continue);
