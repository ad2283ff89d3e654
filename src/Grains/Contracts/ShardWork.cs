namespace Idl.Grains.Contracts;

/// <summary>One shard's part of a step as an aggregation stage forwards it: its spec, the step's samples inside its
/// slice (local indices; null for the whole slice) and the step's samples over all shards
/// (<see cref="ShardStepRequest.StepSamples"/>).</summary>
[GenerateSerializer, Immutable, Alias("idl.ShardWork")]
public sealed record ShardWork(
    [property: Id(0)] ShardSpec Spec,
    [property: Id(1)] int[]? Indices,
    [property: Id(2)] int StepSamples = 0);
