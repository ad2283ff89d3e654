using System.Numerics;

namespace Idl.Numerics.Tests.TestSupport;

/// <summary>Seeded random matrices for tests.</summary>
internal static class Rand
{
    public static Matrix<T> Matrix<T>(int rows, int cols, int seed, double scale = 1.0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Random(seed);
        var m = new Matrix<T>(rows, cols);
        for (int i = 0; i < m.Length; i++) m.Data[i] = T.CreateTruncating((rng.NextDouble() * 2 - 1) * scale);
        return m;
    }
}
