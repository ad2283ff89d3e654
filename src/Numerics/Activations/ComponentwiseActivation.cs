using System.Numerics;

namespace Idl.Numerics.Activations;

/// <summary>A componentwise activation: block size 1, backward is φ′(z) ∘ w.</summary>
public abstract class ComponentwiseActivation : Activation
{
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
