namespace Idl.Numerics.Activations;

/// <summary>State rows [<paramref name="Offset"/>, Offset + <paramref name="Length"/>) under one activation.</summary>
public sealed record ActivationSegment(int Offset, int Length, Activation Activation);
