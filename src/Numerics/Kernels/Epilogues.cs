using System.Numerics;
using System.Runtime.Intrinsics;

namespace Idl.Numerics.Kernels;

/// <summary><c>out = acc</c>: a plain product.</summary>
public readonly struct ProductEpilogue<T> : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => false;
    public bool UsesAux => false;
    public T Apply(T acc, T addend, T aux) => acc;
    public Vector512<T> Apply(Vector512<T> acc, Vector512<T> addend, Vector512<T> aux) => acc;
    public Vector256<T> Apply(Vector256<T> acc, Vector256<T> addend, Vector256<T> aux) => acc;
}

/// <summary><c>out = acc + addend</c>: the affine part Z = AX + BU of the forward step.</summary>
public readonly struct AddEpilogue<T> : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => true;
    public bool UsesAux => false;
    public T Apply(T acc, T addend, T aux) => acc + addend;
    public Vector512<T> Apply(Vector512<T> acc, Vector512<T> addend, Vector512<T> aux) => acc + addend;
    public Vector256<T> Apply(Vector256<T> acc, Vector256<T> addend, Vector256<T> aux) => acc + addend;
}

/// <summary><c>out = max(acc + addend, 0)</c>: the fused ReLU forward step X = (AX + BU)₊ (eq. 2.6).</summary>
public readonly struct AddReluEpilogue<T> : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => true;
    public bool UsesAux => false;
    public T Apply(T acc, T addend, T aux) => T.Max(acc + addend, T.Zero);
    public Vector512<T> Apply(Vector512<T> acc, Vector512<T> addend, Vector512<T> aux) =>
        Vector512.Max(acc + addend, Vector512<T>.Zero);
    public Vector256<T> Apply(Vector256<T> acc, Vector256<T> addend, Vector256<T> aux) =>
        Vector256.Max(acc + addend, Vector256<T>.Zero);
}

/// <summary><c>out = z &gt; 0 ? z : αz</c> with <c>z = acc + addend</c>: the fused leaky-ReLU forward step.</summary>
public readonly struct AddLeakyReluEpilogue<T>(T alpha) : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => true;
    public bool UsesAux => false;
    public T Apply(T acc, T addend, T aux)
    {
        T z = acc + addend;
        return z > T.Zero ? z : alpha * z;
    }
    public Vector512<T> Apply(Vector512<T> acc, Vector512<T> addend, Vector512<T> aux)
    {
        var z = acc + addend;
        return Vector512.ConditionalSelect(Vector512.GreaterThan(z, Vector512<T>.Zero), z, z * Vector512.Create(alpha));
    }
    public Vector256<T> Apply(Vector256<T> acc, Vector256<T> addend, Vector256<T> aux)
    {
        var z = acc + addend;
        return Vector256.ConditionalSelect(Vector256.GreaterThan(z, Vector256<T>.Zero), z, z * Vector256.Create(alpha));
    }
}

/// <summary><c>out = tanh(acc + addend)</c>: the fused tanh forward step.</summary>
public readonly struct AddTanhEpilogue<T> : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => true;
    public bool UsesAux => false;
    public T Apply(T acc, T addend, T aux) => T.Tanh(acc + addend);
    public Vector512<T> Apply(Vector512<T> acc, Vector512<T> addend, Vector512<T> aux) => VectorMath.Tanh(acc + addend);
    public Vector256<T> Apply(Vector256<T> acc, Vector256<T> addend, Vector256<T> aux) => VectorMath.Tanh(acc + addend);
}

/// <summary><c>out = 1 / (1 + exp(−(acc + addend)))</c>: the fused sigmoid forward step.</summary>
public readonly struct AddSigmoidEpilogue<T> : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => true;
    public bool UsesAux => false;
    public T Apply(T acc, T addend, T aux) => T.One / (T.One + T.Exp(-(acc + addend)));
    public Vector512<T> Apply(Vector512<T> acc, Vector512<T> addend, Vector512<T> aux) => VectorMath.Sigmoid(acc + addend);
    public Vector256<T> Apply(Vector256<T> acc, Vector256<T> addend, Vector256<T> aux) => VectorMath.Sigmoid(acc + addend);
}

/// <summary>
/// <c>out = aux ∘ (acc + addend)</c>: the fused adjoint step V = Ψ ∘ (AᵀV + CᵀG) of eq. 6.6, with Ψ (the
/// activation derivatives) as <c>aux</c> and CᵀG as <c>addend</c>.
/// </summary>
public readonly struct AddScaleEpilogue<T> : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => true;
    public bool UsesAux => true;
    public T Apply(T acc, T addend, T aux) => aux * (acc + addend);
    public Vector512<T> Apply(Vector512<T> acc, Vector512<T> addend, Vector512<T> aux) => aux * (acc + addend);
    public Vector256<T> Apply(Vector256<T> acc, Vector256<T> addend, Vector256<T> aux) => aux * (acc + addend);
}
