using System.Numerics;

namespace Idl.Numerics.Tests.TestSupport;

/// <summary>Tolerance assertions: doubles are never compared with plain equality.</summary>
internal static class Tol
{
    public static double MaxAbsDiff<T>(Matrix<T> a, Matrix<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(a.Rows, b.Rows);
        Assert.Equal(a.Cols, b.Cols);
        double max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(double.CreateTruncating(a.Data[i] - b.Data[i])));
        return max;
    }

    public static void Close<T>(Matrix<T> expected, Matrix<T> actual, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double diff = MaxAbsDiff(expected, actual);
        Assert.True(diff <= tolerance, $"max |expected - actual| = {diff:E3} exceeds {tolerance:E3}");
    }

    public static void Close(double expected, double actual, double tolerance, string what = "value")
    {
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(expected - actual):E3} > {tolerance:E3})");
    }
}
