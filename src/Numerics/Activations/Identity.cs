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
}
