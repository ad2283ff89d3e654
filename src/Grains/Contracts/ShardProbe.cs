namespace Idl.Grains.Contracts;

/// <summary>The shape of a data source's training part, found by one shard so that the coordinator can partition it
/// without loading it.</summary>
[GenerateSerializer, Immutable, Alias("idl.ShardProbe")]
public sealed record ShardProbe(
    [property: Id(0)] int Samples,
    [property: Id(1)] int Features,
    [property: Id(2)] int Outputs,
    [property: Id(3)] bool Classification,
    [property: Id(4)] int TestSamples);
