using System.Numerics;

namespace Idl.Numerics.WellPosedness;

/// <summary>The parameters A′ = S⁻¹AS, B′ = S⁻¹B, C′ = CS of a rescaled implicit model (§2.5); D is unchanged.</summary>
public sealed record RescaledParameters<T>(Matrix<T> A, Matrix<T> B, Matrix<T> C) where T : unmanaged, IFloatingPointIeee754<T>;
