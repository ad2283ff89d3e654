namespace Idl.Numerics.Attacks;

/// <summary>What the ranking of a saliency attack (§7.3.1) measures the inputs' effect on.</summary>
public enum SaliencyTarget
{
    /// <summary>
    /// Every output together: the column sums Σᵢ Sᵢⱼ of the sensitivity matrix, one ranking for all samples and no
    /// data needed (the sensitivity attack's default; not defined for the gradient attack).
    /// </summary>
    AllOutputs,

    /// <summary>
    /// The sample's true class y: row y of S for the sensitivity attack, |∂ŷ_y/∂u| for the gradient attack — the class-score
    /// saliency map that §7.3.1 cites ([44], "∇ᵤF(u, y)" with F the prediction rule), whose global bound is row y of S.
    /// </summary>
    Label,

    /// <summary>The softmax cross-entropy at the true label: |∂L(ŷ(u), y)/∂u|, the gradient FGSM uses ([19]; gradient attack only).</summary>
    Loss,
}
