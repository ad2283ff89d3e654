namespace Idl.Numerics.Training;

/// <summary>Weights of the convex penalties P(A, B, C, D) of problem 6.1; zero disables a penalty.</summary>
public sealed record PenaltyOptions
{
    /// <summary>λ of the elementwise ℓ1 penalty λΣ|Mᵢⱼ| on A, B, C and D (§6.1), applied as a proximal step.</summary>
    public double L1 { get; init; }

    /// <summary>λ of the column-norm penalty λΣⱼ‖(B; D)eⱼ‖₂ (eq. 5.1 with α = 2), applied as a proximal step.</summary>
    public double FeatureSelection { get; init; }

    /// <summary>λ of the robustness penalty ½(‖B‖²∞ + ‖C‖²∞)/(1 − ‖A‖∞) + ‖D‖∞ (eq. 4.7), by its subgradient.</summary>
    public double Robustness { get; init; }

    /// <summary>Entries with |x| below this count as zero when reporting dropped features and states.</summary>
    public double ZeroThreshold { get; init; } = 1e-8;

    /// <summary>Whether any penalty is on.</summary>
    public bool Any => L1 > 0 || FeatureSelection > 0 || Robustness > 0;

    internal void Validate()
    {
        if (!(L1 >= 0)) throw TrainingOptions.Bad("Penalties.L1", L1, "must be >= 0");
        if (!(FeatureSelection >= 0)) throw TrainingOptions.Bad("Penalties.FeatureSelection", FeatureSelection, "must be >= 0");
        if (!(Robustness >= 0)) throw TrainingOptions.Bad("Penalties.Robustness", Robustness, "must be >= 0");
    }
}
