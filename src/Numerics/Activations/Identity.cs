using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Activations;

/// <summary>φ(z) = z: the linear (affine) case, CONE and positively homogeneous.</summary>
public sealed class Identity : ComponentwiseActivation
{
    /// <summary>The shared instance.</summary>
    public static Identity Instance { get; } = new();

    public override string Name => "identity";
    public override double Lipschitz => 1.0;
    public override bool IsPositivelyHomogeneous => true;
    public override T Apply<T>(T z) => z;
    public override T DerivativeAt<T>(T x) => T.One;

    /// <inheritdoc />
    public override void ForwardStep<T>(Matrix<T> a, Matrix<T> x, Matrix<T> bu, Matrix<T> result) =>
        Gemm.Multiply(a, false, x, false, result, default(AddEpilogue<T>), bu);

    /// <inheritdoc />
    public override void Forward<T>(ReadOnlySpan<T> z, Span<T> x, int rows, int cols) =>
        Vectorized<T, AddEpilogue<T>, IdentityDerivative<T>>.Forward(z, x, rows * cols, default);

    /// <inheritdoc />
    public override void Derivative<T>(ReadOnlySpan<T> x, Span<T> d) =>
        Vectorized<T, AddEpilogue<T>, IdentityDerivative<T>>.Derivative(x, d, default);

    /// <inheritdoc />
    public override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> result, int rows, int cols) =>
        Vectorized<T, AddEpilogue<T>, IdentityDerivative<T>>.Backward(x, w, result, rows * cols, default);
}
