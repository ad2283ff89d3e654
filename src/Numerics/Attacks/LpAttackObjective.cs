namespace Idl.Numerics.Attacks;

/// <summary>What the LP of an <see cref="LpAttack"/> maximises.</summary>
public enum LpAttackObjective
{
    /// <summary>ŷ_r − ŷ_t for the runner-up class r against the true class t.</summary>
    Margin,

    /// <summary>‖x − x⁰‖₂², the objective of §7.3.2.</summary>
    Distance,
}
