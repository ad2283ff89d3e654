using System.Numerics;

namespace Idl.Numerics.Data;

/// <summary>
/// A batch in the model's layout: <see cref="U"/> is p×b and <see cref="Y"/> is q×b, one sample per column
/// (the paper's U ∈ ℝ^{p×m}, Y ∈ ℝ^{q×m}).
/// </summary>
/// <param name="U">Inputs, features × samples.</param>
/// <param name="Y">Targets, outputs × samples: one-hot columns for classification, values for regression.</param>
/// <param name="Indices">The data set's sample indices, in column order.</param>
/// <param name="Labels">The class label of each column for classification; null for regression.</param>
public sealed record MiniBatch<T>(Matrix<T> U, Matrix<T> Y, int[] Indices, int[]? Labels)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Number of samples b (columns).</summary>
    public int Size => Indices.Length;
}
