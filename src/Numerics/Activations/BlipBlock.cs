namespace Idl.Numerics.Activations;

/// <summary>One block l of the BLIP partition (§2.1): rows [Start, Start + Size), constant γₗ in the ℓ<c>P</c> norm.</summary>
public readonly record struct BlipBlock(int Start, int Size, double Gamma, int P);
