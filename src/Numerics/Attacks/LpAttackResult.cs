namespace Idl.Numerics.Attacks;

/// <summary>One LP attack.</summary>
/// <param name="CleanPrediction">The class predicted for the clean input.</param>
/// <param name="AttackedPrediction">The class predicted for the suggested input.</param>
/// <param name="Flipped">The clean input was classified correctly and the suggested one is not.</param>
/// <param name="Bound">The LP bound (for the margin objective: on ŷ_r − ŷ_t over the whole set).</param>
/// <param name="Input">The suggested adversarial input.</param>
public sealed record LpAttackResult(int CleanPrediction, int AttackedPrediction, bool Flipped, double Bound, double[] Input);
