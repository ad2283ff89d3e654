using System.Numerics;
using System.Runtime.Intrinsics;

namespace Idl.Numerics.Kernels;

/// <summary>Vectorised transcendental helpers built on the runtime's <c>Vector*.Exp</c>.</summary>
internal static class VectorMath
{
    // tanh(z) = 1 − 2 / (exp(2z) + 1): exact at ±∞ (exp overflows to ∞ → 1, underflows to 0 → −1), no NaN.
    public static Vector512<T> Tanh<T>(Vector512<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var one = Vector512<T>.One;
        var two = one + one;
        return one - two / (Exp(z * two) + one);
    }

    public static Vector256<T> Tanh<T>(Vector256<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var one = Vector256<T>.One;
        var two = one + one;
        return one - two / (Exp(z * two) + one);
    }

    public static Vector512<T> Sigmoid<T>(Vector512<T> z) where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector512<T>.One / (Vector512<T>.One + Exp(-z));

    public static Vector256<T> Sigmoid<T>(Vector256<T> z) where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector256<T>.One / (Vector256<T>.One + Exp(-z));

    public static Vector512<T> Exp<T>(Vector512<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) return Vector512.Exp(z.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector512.Exp(z.As<T, double>()).As<double, T>();
        throw new NotSupportedException($"Element type {typeof(T).Name} is not float or double.");
    }

    public static Vector256<T> Exp<T>(Vector256<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) return Vector256.Exp(z.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector256.Exp(z.As<T, double>()).As<double, T>();
        throw new NotSupportedException($"Element type {typeof(T).Name} is not float or double.");
    }
}
