using Idl.Grains.Contracts;

namespace Idl.Grains.Coordinator;

/// <summary>Adam's moments of one parameter slot, as checkpointed.</summary>
[GenerateSerializer, Immutable, Alias("idl.AdamSlot")]
public sealed record AdamSlot([property: Id(0)] int Slot, [property: Id(1)] MatrixPayload M, [property: Id(2)] MatrixPayload V);
