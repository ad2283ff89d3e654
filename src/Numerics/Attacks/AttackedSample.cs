namespace Idl.Numerics.Attacks;

/// <summary>One attacked sample kept for display: inputs before and after, which changed, and the two predictions.</summary>
public sealed record AttackedSample(int Index, int Label, int CleanPrediction, int AttackedPrediction, double[] Clean, double[] Attacked, bool[] Changed);
