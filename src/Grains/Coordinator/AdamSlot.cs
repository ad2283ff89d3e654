using Idl.Grains.Contracts;

namespace Idl.Grains.Coordinator;

/// <summary>The optimizer state of one parameter slot, as checkpointed: Adam's moments m and v, or SGD's velocity as
/// <see cref="M"/> with an empty <see cref="V"/>. (The name predates SGD on the cluster; the wire alias stays.)</summary>
[GenerateSerializer, Immutable, Alias("idl.AdamSlot")]
public sealed record AdamSlot([property: Id(0)] int Slot, [property: Id(1)] MatrixPayload M, [property: Id(2)] MatrixPayload V);
