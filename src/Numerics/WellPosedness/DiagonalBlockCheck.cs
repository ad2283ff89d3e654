using System.Globalization;
using System.Numerics;
using Idl.Numerics.Activations;

namespace Idl.Numerics.WellPosedness;

/// <summary>
/// Decides, where it can, whether one diagonal block A_II is well-posed for its map φ_I, which by Theorems 2.7–2.8
/// decides a block-triangular A.
/// </summary>
internal static class DiagonalBlockCheck
{
    public static (WellPosednessVerdict Verdict, string Reason) Classify<T>(Matrix<T> a, BlipBlock block, Activation activation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double norm = block.Gamma * InducedNorms.Block(a, block, block);
        if (norm == 0) return (WellPosednessVerdict.WellPosed, "zero diagonal block");
        if (block.Size == 1)
        {
            double v = double.CreateTruncating(a[block.Start, block.Start]);
            string at = string.Create(CultureInfo.InvariantCulture, $"A[{block.Start},{block.Start}] = {v:G6}");
            // x = φ(ax + b) with φ piecewise linear of slopes 1 (z > 0) and α (z < 0): x − φ(ax + b) has slopes 1 − a and
            // 1 − αa, and has exactly one root for every b iff both slopes are non-zero with the same sign.
            double? alpha = activation switch { Relu => 0.0, LeakyRelu l => l.Alpha, Identity => 1.0, _ => null };
            if (alpha is double slope)
                return (1 - v) * (1 - slope * v) > 0
                    ? (WellPosednessVerdict.WellPosed, $"{at} is well-posed for {activation.Name}")
                    : (WellPosednessVerdict.IllPosed, $"{at} is not well-posed for {activation.Name} (needs (1 − a)(1 − αa) > 0; for ReLU, a < 1)");
            // For a non-decreasing φ, x − φ(ax + b) is strictly increasing when a ≤ 0 and a contraction's residual when γa < 1.
            bool nonDecreasing = activation is Tanh or Sigmoid;
            if (nonDecreasing ? block.Gamma * v < 1 : norm < 1)
                return (WellPosednessVerdict.WellPosed, $"{at} with γ = {block.Gamma:G6} is well-posed for {activation.Name}");
            return (WellPosednessVerdict.Unknown, $"{at} is not decided for {activation.Name}");
        }
        string blockText = string.Create(CultureInfo.InvariantCulture, $"block at row {block.Start} ({block.Size}x{block.Size})");
        return norm < 1
            ? (WellPosednessVerdict.WellPosed, string.Create(CultureInfo.InvariantCulture, $"{blockText} is a contraction: γ‖A_II‖ = {norm:G6} < 1"))
            : (WellPosednessVerdict.Unknown, string.Create(CultureInfo.InvariantCulture, $"{blockText} has γ‖A_II‖ = {norm:G6} ≥ 1, not decided"));
    }
}
