using System.Globalization;
using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Activations;

/// <summary>φ(z) = z for z &gt; 0, αz otherwise, with 0 &lt; α ≤ 1: CONE and positively homogeneous.</summary>
public sealed class LeakyRelu : ComponentwiseActivation
{
    /// <summary>Creates the map with slope <paramref name="alpha"/> on the negative side.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not in (0, 1].</exception>
    public LeakyRelu(double alpha = 0.01)
    {
        if (!(alpha > 0 && alpha <= 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha,
                "Leaky ReLU slope alpha must be in (0, 1] so that the map stays non-expansive (CONE).");
        Alpha = alpha;
    }

    /// <summary>The negative-side slope α.</summary>
    public double Alpha { get; }

    public override string Name => string.Create(CultureInfo.InvariantCulture, $"leaky_relu({Alpha:R})");
    public override double Lipschitz => 1.0;
    public override bool IsPositivelyHomogeneous => true;
    public override T Apply<T>(T z) => z > T.Zero ? z : T.CreateTruncating(Alpha) * z;

    // Positive outputs come exactly from positive inputs because α > 0.
    public override T DerivativeAt<T>(T x) => x > T.Zero ? T.One : T.CreateTruncating(Alpha);

    /// <inheritdoc />
    public override void ForwardStep<T>(Matrix<T> a, Matrix<T> x, Matrix<T> bu, Matrix<T> result) =>
        Gemm.Multiply(a, false, x, false, result, new AddLeakyReluEpilogue<T>(T.CreateTruncating(Alpha)), bu);

    /// <inheritdoc />
    public override void Forward<T>(ReadOnlySpan<T> z, Span<T> x, int rows, int cols) =>
        Vectorized<T, AddLeakyReluEpilogue<T>, LeakyReluDerivative<T>>.Forward(z, x, rows * cols, new AddLeakyReluEpilogue<T>(T.CreateTruncating(Alpha)));

    /// <inheritdoc />
    public override void Derivative<T>(ReadOnlySpan<T> x, Span<T> d) =>
        Vectorized<T, AddLeakyReluEpilogue<T>, LeakyReluDerivative<T>>.Derivative(x, d, new LeakyReluDerivative<T>(T.CreateTruncating(Alpha)));

    /// <inheritdoc />
    public override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> result, int rows, int cols) =>
        Vectorized<T, AddLeakyReluEpilogue<T>, LeakyReluDerivative<T>>.Backward(x, w, result, rows * cols, new LeakyReluDerivative<T>(T.CreateTruncating(Alpha)));
}
