namespace Idl.Numerics.Attacks;

/// <summary>How an attack chooses what to perturb (§7.3).</summary>
public enum AttackMethod
{
    /// <summary>The inputs with the largest column sums of the sensitivity matrix S (Theorem 4.2); no data needed.</summary>
    Sensitivity,

    /// <summary>Per sample, the inputs with the largest |∇ᵤL(u, y)| (gradient saliency).</summary>
    Gradient,

    /// <summary>Per sample, the input the LP relaxation of Theorem 4.3 suggests (§7.3.2).</summary>
    Lp,
}
