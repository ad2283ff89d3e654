namespace Idl.Grains.Sweeps;

/// <summary>One trial at one rung: <see cref="Trial"/> reported <see cref="Metric"/> at rung <see cref="Epoch"/>
/// and continued or stopped — ranked <see cref="Rank"/> among the <see cref="Peers"/> trials of index ≤
/// <see cref="Trial"/> that reached the rung — or, while <see cref="Pending"/>, waits for its decision.</summary>
[GenerateSerializer, Immutable, Alias("idl.RungEntry")]
public sealed record RungEntry(
    [property: Id(0)] int Epoch,
    [property: Id(1)] int Trial,
    [property: Id(2)] double Metric,
    [property: Id(3)] bool Continue,
    [property: Id(4)] int Rank = 0,
    [property: Id(5)] int Peers = 0,
    [property: Id(6)] bool Pending = false);
