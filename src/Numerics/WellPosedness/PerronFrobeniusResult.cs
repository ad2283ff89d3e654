using System.Globalization;

namespace Idl.Numerics.WellPosedness;

/// <summary>A certified enclosure lower ≤ λ_PF(M) ≤ upper of the Perron–Frobenius eigenvalue (spectral radius) of M ≥ 0.</summary>
/// <param name="Lower">A lower bound on λ_PF.</param>
/// <param name="Upper">An upper bound on λ_PF; Upper &lt; 1 certifies the condition of Theorem 2.2.</param>
/// <param name="Iterations">Power iterations spent, summed over the irreducible components.</param>
/// <param name="Status">Whether the tolerance was met.</param>
public sealed record PerronFrobeniusResult(double Lower, double Upper, int Iterations, PerronFrobeniusStatus Status)
{
    /// <summary>The midpoint of the interval, a point estimate.</summary>
    public double Estimate => 0.5 * (Lower + Upper);

    /// <summary>Upper − Lower.</summary>
    public double Width => Upper - Lower;

    /// <summary>Whether λ_PF &lt; 1 is certified (Theorem 2.2).</summary>
    public bool IsCertifiedBelowOne => Upper < 1.0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"λ_PF ∈ [{Lower:G10}, {Upper:G10}] ({Status}, {Iterations} iterations)");
}
