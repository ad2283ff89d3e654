namespace Idl.Numerics.WellPosedness;

/// <summary>The well-posedness tests of §2.3–2.4 that a <see cref="WellPosednessReport"/> found to hold.</summary>
[Flags]
public enum WellPosednessConditions
{
    /// <summary>None holds.</summary>
    None = 0,

    /// <summary>φ is CONE and ‖A‖∞ &lt; 1 (Remark 2.4).</summary>
    InfinityNormBelowOne = 1,

    /// <summary>‖N(A, γ)‖∞ &lt; 1 (Remark 2.4, BLIP form).</summary>
    InducedNormBelowOne = 2,

    /// <summary>The certified upper bound of λ_PF(N(A, γ)) is below 1 (Theorem 2.2).</summary>
    PerronFrobeniusBelowOne = 4,

    /// <summary>A is (permuted) block triangular with zero diagonal blocks (Theorem 2.8, §3.1): well-posed for any φ.</summary>
    StrictlyBlockTriangular = 8,

    /// <summary>A is (permuted) block triangular and every diagonal block is well-posed for its map (Theorems 2.7–2.8).</summary>
    BlockTriangularWellPosedDiagonal = 16,

    /// <summary>A is (permuted) block triangular and some diagonal block is ill-posed: A is ill-posed (Theorems 2.7–2.8).</summary>
    BlockTriangularIllPosedDiagonal = 32,
}
