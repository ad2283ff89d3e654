using Idl.Numerics.Data;

namespace Idl.Grains.Contracts;

/// <summary>The wire form of <see cref="DataReading"/>: how shards read the run's data specification
/// (<c>--target</c>, <c>--task</c>, <c>--samples</c>), so that they read it exactly as a single process does.</summary>
[GenerateSerializer, Immutable, Alias("idl.DataRead")]
public sealed record DataRead(
    [property: Id(0)] string? Target = null,
    [property: Id(1)] DataTask? Task = null,
    [property: Id(2)] int? SyntheticSamples = null)
{
    /// <summary>The Numerics value.</summary>
    public DataReading ToReading() => new(Target, Task, SyntheticSamples);

    /// <summary>The wire form of <paramref name="reading"/>.</summary>
    public static DataRead From(DataReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new(reading.Target, reading.Task, reading.SyntheticSamples);
    }
}
