namespace Idl.Numerics.Attacks;

/// <summary>How an attack chooses what to perturb (§7.3).</summary>
public enum AttackMethod
{
    /// <summary>The inputs with the largest entries of the sensitivity matrix S (Theorem 4.2): its column sums (no data needed) or the label's row.</summary>
    Sensitivity,

    /// <summary>Per sample, the inputs with the largest |∂ŷ_y/∂u| (the class-score saliency map §7.3.1 cites) or |∇ᵤL(u, y)|.</summary>
    Gradient,

    /// <summary>Per sample, the input the LP relaxation of Theorem 4.3 suggests (§7.3.2).</summary>
    Lp,
}
