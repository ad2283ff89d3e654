namespace Idl.Grains.Contracts;

/// <summary>One step for one aggregation stage: call the children of <see cref="Node"/> (at most
/// <see cref="FanIn"/>) that hold any of <see cref="Shards"/>, sum their answers, return one partial sum.
/// (<see cref="Incarnation"/>, <see cref="Step"/>) identifies the request as for <see cref="ShardStepRequest"/>.</summary>
[GenerateSerializer, Immutable, Alias("idl.AggregateRequest")]
public sealed record AggregateRequest(
    [property: Id(0)] AggregationNode Node,
    [property: Id(1)] long Step,
    [property: Id(2)] ModelParameters Parameters,
    [property: Id(3)] ShardWork[] Shards,
    [property: Id(4)] int FanIn,
    [property: Id(5)] int Incarnation = 0);
