namespace Idl.Numerics.Robustness;

/// <summary>What <see cref="CertifiedPredictions"/> proved on a data set.</summary>
/// <param name="Samples">Samples evaluated.</param>
/// <param name="Correct">Samples whose prediction is right (classification; 0 for regression).</param>
/// <param name="Certified">Samples whose predicted class no input in the box can change (classification).</param>
/// <param name="CertifiedCorrect">Samples both right and certified: a lower bound on the accuracy under any attack in the box.</param>
/// <param name="MeanOutputBound">The mean over outputs of δ = S·σᵤ, the largest move of each output (Theorem 4.2).</param>
public sealed record CertificationReport(int Samples, int Correct, int Certified, int CertifiedCorrect, double MeanOutputBound);
