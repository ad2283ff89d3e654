namespace Idl.Numerics.Robustness;

/// <summary>A bound or relaxation cannot be computed for this model (e.g. λ_PF ≥ 1); the message says what to change.</summary>
public sealed class BoundUnavailableException(string message) : InvalidOperationException(message);
