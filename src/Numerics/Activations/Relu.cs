using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Activations;

/// <summary>φ(z) = max(z, 0): CONE (eq. 2.1) and positively homogeneous. φ′(0) is taken as 0, as in eq. 6.4's Φ.</summary>
public sealed class Relu : ComponentwiseActivation
{
    /// <summary>The shared instance.</summary>
    public static Relu Instance { get; } = new();

    public override string Name => "relu";
    public override double Lipschitz => 1.0;
    public override bool IsPositivelyHomogeneous => true;
    public override T Apply<T>(T z) => T.Max(z, T.Zero);
    public override T DerivativeAt<T>(T x) => x > T.Zero ? T.One : T.Zero;

    /// <inheritdoc />
    public override void ForwardStep<T>(Matrix<T> a, Matrix<T> x, Matrix<T> bu, Matrix<T> result) =>
        Gemm.Multiply(a, false, x, false, result, default(AddReluEpilogue<T>), bu);

    /// <inheritdoc />
    public override void Forward<T>(ReadOnlySpan<T> z, Span<T> x, int rows, int cols) =>
        Vectorized<T, AddReluEpilogue<T>, ReluDerivative<T>>.Forward(z, x, rows * cols, default);

    /// <inheritdoc />
    public override void Derivative<T>(ReadOnlySpan<T> x, Span<T> d) =>
        Vectorized<T, AddReluEpilogue<T>, ReluDerivative<T>>.Derivative(x, d, default);

    /// <inheritdoc />
    public override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> result, int rows, int cols) =>
        Vectorized<T, AddReluEpilogue<T>, ReluDerivative<T>>.Backward(x, w, result, rows * cols, default);
}
