namespace Idl.Numerics.Data.Preparation;

/// <summary>The splits a training run uses, scaled, and the scalings fitted on the training split.</summary>
/// <param name="Train">Training samples (inputs scaled; regression targets standardised when <paramref name="TargetScaling"/> is set).</param>
/// <param name="Validation">Validation samples, scaled alike, or null.</param>
/// <param name="Test">Test samples, scaled alike, or null when there are none.</param>
/// <param name="InputScaling">The input standardisation, or null for none.</param>
/// <param name="TargetScaling">The regression target standardisation, or null.</param>
public sealed record PreparedData(
    Dataset Train, Dataset? Validation, Dataset? Test, Standardization? InputScaling, Standardization? TargetScaling);
