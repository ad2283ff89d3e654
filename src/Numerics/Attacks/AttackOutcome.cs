namespace Idl.Numerics.Attacks;

/// <summary>The result of an attack over a data set.</summary>
/// <param name="Samples">Samples attacked.</param>
/// <param name="PerturbedInputs">Inputs chosen per sample (the same count for every sample).</param>
/// <param name="CleanCorrect">Samples classified correctly before the attack.</param>
/// <param name="Flipped">Of those, how many are misclassified after it.</param>
/// <param name="AttackedCorrect">Samples classified correctly after the attack.</param>
/// <param name="MovedInputs">Chosen inputs whose value actually changed, summed over samples (the range can clip a move to nothing).</param>
public sealed record AttackOutcome(int Samples, int PerturbedInputs, int CleanCorrect, int Flipped, int AttackedCorrect, long MovedInputs = 0)
{
    /// <summary>Inputs actually changed per sample, on average: at most <see cref="PerturbedInputs"/>.</summary>
    public double MovedPerSample => Samples == 0 ? 0 : (double)MovedInputs / Samples;

    /// <summary>Flipped / CleanCorrect: the attack success rate of Table 1.</summary>
    public double SuccessRate => CleanCorrect == 0 ? 0 : (double)Flipped / CleanCorrect;

    /// <summary>Clean accuracy.</summary>
    public double CleanAccuracy => Samples == 0 ? 0 : (double)CleanCorrect / Samples;

    /// <summary>Accuracy under attack.</summary>
    public double AttackedAccuracy => Samples == 0 ? 0 : (double)AttackedCorrect / Samples;

    /// <summary>Sums two outcomes over disjoint samples.</summary>
    public AttackOutcome Add(AttackOutcome o) =>
        new(Samples + o.Samples, Math.Max(PerturbedInputs, o.PerturbedInputs), CleanCorrect + o.CleanCorrect, Flipped + o.Flipped, AttackedCorrect + o.AttackedCorrect,
            MovedInputs + o.MovedInputs);
}
