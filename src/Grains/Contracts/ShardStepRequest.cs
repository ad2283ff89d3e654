namespace Idl.Grains.Contracts;

/// <summary>One training step for one shard: the parameters after <see cref="Step"/> − 1 updates and the step's
/// samples inside the shard's slice (local indices), or null for the whole slice (full-batch gradient).
/// (<see cref="Incarnation"/>, <see cref="Step"/>) identifies the request: a retry with the same pair returns the
/// first answer; a coordinator resumed from a checkpoint starts a new incarnation. <see cref="StepSamples"/> is the
/// step's sample count over all shards (0: this request's own), which scales the adjoint's stopping tolerance.</summary>
[GenerateSerializer, Immutable, Alias("idl.ShardStepRequest")]
public sealed record ShardStepRequest(
    [property: Id(0)] ShardSpec Spec,
    [property: Id(1)] long Step,
    [property: Id(2)] ModelParameters Parameters,
    [property: Id(3)] int[]? Indices,
    [property: Id(4)] int Incarnation = 0,
    [property: Id(5)] int StepSamples = 0);
