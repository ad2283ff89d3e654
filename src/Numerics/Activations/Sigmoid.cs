using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Activations;

/// <summary>φ(z) = 1/(1 + e^(−z)): componentwise and ¼-Lipschitz (so CONE), φ′ = x(1 − x).</summary>
public sealed class Sigmoid : ComponentwiseActivation
{
    /// <summary>The shared instance.</summary>
    public static Sigmoid Instance { get; } = new();

    public override string Name => "sigmoid";
    public override double Lipschitz => 0.25;
    public override T Apply<T>(T z) => T.One / (T.One + T.Exp(-z));
    public override T DerivativeAt<T>(T x) => x * (T.One - x);

    /// <inheritdoc />
    public override void ForwardStep<T>(Matrix<T> a, Matrix<T> x, Matrix<T> bu, Matrix<T> result) =>
        Gemm.Multiply(a, false, x, false, result, default(AddSigmoidEpilogue<T>), bu);

    /// <inheritdoc />
    public override void Forward<T>(ReadOnlySpan<T> z, Span<T> x, int rows, int cols) =>
        Vectorized<T, AddSigmoidEpilogue<T>, SigmoidDerivative<T>>.Forward(z, x, rows * cols, default);

    /// <inheritdoc />
    public override void Derivative<T>(ReadOnlySpan<T> x, Span<T> d) =>
        Vectorized<T, AddSigmoidEpilogue<T>, SigmoidDerivative<T>>.Derivative(x, d, default);

    /// <inheritdoc />
    public override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> result, int rows, int cols) =>
        Vectorized<T, AddSigmoidEpilogue<T>, SigmoidDerivative<T>>.Backward(x, w, result, rows * cols, default);
}
