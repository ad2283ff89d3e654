namespace Idl.Numerics.Compression;

/// <summary>How <see cref="Pruning"/> ranks the entries of A.</summary>
public enum PruningCriterion
{
    /// <summary>|Aᵢⱼ|.</summary>
    Magnitude,

    /// <summary>
    /// wᵢ|Aᵢⱼ|x̄ⱼ with wᵀ = 1ᵀ|C|(I − |A|)⁻¹ and x̄ⱼ the mean |xⱼ| over data: entry (i, j)'s share of the summed
    /// Theorem 5.1 output bound 1ᵀ|C|(I − |A|)⁻¹E|x⁰|.
    /// </summary>
    Sensitivity,
}
