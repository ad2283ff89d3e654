using System.Numerics;

namespace Idl.Numerics.Tests.TestSupport;

/// <summary>Seeded random matrices with a chosen share of exact zeros, and whole zero rows.</summary>
internal static class Sparse
{
    /// <summary>A rows×cols matrix keeping each entry with probability <paramref name="density"/>; every third row (from row 1) empty when <paramref name="emptyRows"/>.</summary>
    public static Matrix<T> Matrix<T>(int rows, int cols, double density, int seed, bool emptyRows = true)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var m = Rand.Matrix<T>(rows, cols, seed);
        var rng = new Random(seed + 1000);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if ((emptyRows && i % 3 == 1) || rng.NextDouble() >= density) m[i, j] = T.Zero;
        return m;
    }
}
