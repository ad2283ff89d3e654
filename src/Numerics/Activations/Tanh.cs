using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Activations;

/// <summary>φ(z) = tanh z: CONE, φ′ = 1 − x².</summary>
public sealed class Tanh : ComponentwiseActivation
{
    /// <summary>The shared instance.</summary>
    public static Tanh Instance { get; } = new();

    public override string Name => "tanh";
    public override double Lipschitz => 1.0;
    public override T Apply<T>(T z) => T.Tanh(z);
    public override T DerivativeAt<T>(T x) => T.One - x * x;

    /// <inheritdoc />
    public override void ForwardStep<T>(Matrix<T> a, Matrix<T> x, Matrix<T> bu, Matrix<T> result) =>
        Gemm.Multiply(a, false, x, false, result, default(AddTanhEpilogue<T>), bu);

    /// <inheritdoc />
    public override void Forward<T>(ReadOnlySpan<T> z, Span<T> x, int rows, int cols) =>
        Vectorized<T, AddTanhEpilogue<T>, TanhDerivative<T>>.Forward(z, x, rows * cols, default);

    /// <inheritdoc />
    public override void Derivative<T>(ReadOnlySpan<T> x, Span<T> d) =>
        Vectorized<T, AddTanhEpilogue<T>, TanhDerivative<T>>.Derivative(x, d, default);

    /// <inheritdoc />
    public override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> result, int rows, int cols) =>
        Vectorized<T, AddTanhEpilogue<T>, TanhDerivative<T>>.Backward(x, w, result, rows * cols, default);
}
