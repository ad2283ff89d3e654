using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Activations;

/// <summary>
/// A componentwise activation: block size 1, backward is φ′(z) ∘ w. The span methods below are scalar reference
/// loops; every map in this library overrides them with the vectorised <see cref="Elementwise"/> paths through
/// <see cref="Vectorized{T, TForward, TDerivative}"/>.
/// </summary>
public abstract class ComponentwiseActivation : Activation
{
    /// <summary>Forward, derivative and backward over spans with the given epilogue structs, vectorised.</summary>
    protected static class Vectorized<T, TForward, TDerivative>
        where T : unmanaged, IFloatingPointIeee754<T>
        where TForward : struct, IEpilogue<T>
        where TDerivative : struct, IEpilogue<T>
    {
        /// <summary>x = φ(z), with φ given as an epilogue of (z, 0, 0).</summary>
        public static void Forward(ReadOnlySpan<T> z, Span<T> x, int length, TForward forward) =>
            Elementwise.Map(z[..length], default, default, x[..length], forward);

        /// <summary>d = φ′ from x.</summary>
        public static void Derivative(ReadOnlySpan<T> x, Span<T> d, TDerivative derivative) =>
            Elementwise.Map(x, default, default, d[..x.Length], derivative);

        /// <summary>result = φ′(x) ∘ w.</summary>
        public static void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> result, int length, TDerivative derivative) =>
            Elementwise.Map(x[..length], w[..length], default, result[..length], new TimesAddend<T, TDerivative>(derivative));
    }

    /// <summary>φ of one value.</summary>
    public abstract T Apply<T>(T z) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>φ′ at the point whose output is <paramref name="x"/>.</summary>
    public abstract T DerivativeAt<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <inheritdoc />
    public override void Forward<T>(ReadOnlySpan<T> z, Span<T> x, int rows, int cols)
    {
        int len = rows * cols;
        for (int i = 0; i < len; i++) x[i] = Apply(z[i]);
    }

    /// <inheritdoc />
    public override void Derivative<T>(ReadOnlySpan<T> x, Span<T> d)
    {
        for (int i = 0; i < x.Length; i++) d[i] = DerivativeAt(x[i]);
    }

    /// <inheritdoc />
    public override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> result, int rows, int cols)
    {
        int len = rows * cols;
        for (int i = 0; i < len; i++) result[i] = DerivativeAt(x[i]) * w[i];
    }
}
