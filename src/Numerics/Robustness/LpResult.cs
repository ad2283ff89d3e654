namespace Idl.Numerics.Robustness;

/// <summary>The outcome of one LP relaxation (Theorem 4.3).</summary>
/// <param name="Bound">The LP optimum p̄ ≥ p*: no input in the set reaches a larger objective.</param>
/// <param name="BoxBound">Σᵢ max over the state box of fᵢ (+ max of dᵀu over the input set), which p̄ never exceeds.</param>
/// <param name="Input">The maximising u of the LP: the adversarial input it suggests (inside the input set).</param>
/// <param name="State">The LP's x (a relaxed state, not necessarily an equilibrium).</param>
/// <param name="NominalState">x⁰, the equilibrium of u⁰.</param>
/// <param name="StateRadius">σₓ of Theorem 4.1 used for the state box.</param>
public sealed record LpResult(double Bound, double BoxBound, double[] Input, double[] State, double[] NominalState, double[] StateRadius);
