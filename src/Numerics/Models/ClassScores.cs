using System.Numerics;

namespace Idl.Numerics.Models;

/// <summary>Reading a classifier's output scores (q×m, one column per sample).</summary>
public static class ClassScores
{
    /// <summary>The predicted class of each column: the index of its largest score (the first on ties).</summary>
    public static int[] ArgMax<T>(Matrix<T> scores) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(scores);
        var best = new int[scores.Cols];
        for (int j = 0; j < scores.Cols; j++)
            for (int i = 1; i < scores.Rows; i++)
                if (scores[i, j] > scores[best[j], j]) best[j] = i;
        return best;
    }
}
