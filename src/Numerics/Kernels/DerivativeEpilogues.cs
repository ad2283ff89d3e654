using System.Numerics;
using System.Runtime.Intrinsics;

namespace Idl.Numerics.Kernels;

/// <summary>φ′ from x = relu(z): 1 where x &gt; 0, else 0 (φ′(0) = 0, as eq. 6.4's Φ).</summary>
public readonly struct ReluDerivative<T> : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => false;
    public bool UsesAux => false;
    public T Apply(T x, T addend, T aux) => x > T.Zero ? T.One : T.Zero;
    public Vector512<T> Apply(Vector512<T> x, Vector512<T> addend, Vector512<T> aux) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), Vector512<T>.One, Vector512<T>.Zero);
    public Vector256<T> Apply(Vector256<T> x, Vector256<T> addend, Vector256<T> aux) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), Vector256<T>.One, Vector256<T>.Zero);
}

/// <summary>φ′ from x = leaky_relu(z): 1 where x &gt; 0, else α.</summary>
public readonly struct LeakyReluDerivative<T>(T alpha) : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => false;
    public bool UsesAux => false;
    public T Apply(T x, T addend, T aux) => x > T.Zero ? T.One : alpha;
    public Vector512<T> Apply(Vector512<T> x, Vector512<T> addend, Vector512<T> aux) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), Vector512<T>.One, Vector512.Create(alpha));
    public Vector256<T> Apply(Vector256<T> x, Vector256<T> addend, Vector256<T> aux) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), Vector256<T>.One, Vector256.Create(alpha));
}

/// <summary>φ′ from x = tanh(z): 1 − x².</summary>
public readonly struct TanhDerivative<T> : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => false;
    public bool UsesAux => false;
    public T Apply(T x, T addend, T aux) => T.One - x * x;
    public Vector512<T> Apply(Vector512<T> x, Vector512<T> addend, Vector512<T> aux) => Vector512<T>.One - x * x;
    public Vector256<T> Apply(Vector256<T> x, Vector256<T> addend, Vector256<T> aux) => Vector256<T>.One - x * x;
}

/// <summary>φ′ from x = sigmoid(z): x(1 − x).</summary>
public readonly struct SigmoidDerivative<T> : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => false;
    public bool UsesAux => false;
    public T Apply(T x, T addend, T aux) => x * (T.One - x);
    public Vector512<T> Apply(Vector512<T> x, Vector512<T> addend, Vector512<T> aux) => x * (Vector512<T>.One - x);
    public Vector256<T> Apply(Vector256<T> x, Vector256<T> addend, Vector256<T> aux) => x * (Vector256<T>.One - x);
}

/// <summary>φ′ = 1 for the identity.</summary>
public readonly struct IdentityDerivative<T> : IEpilogue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public bool UsesAddend => false;
    public bool UsesAux => false;
    public T Apply(T x, T addend, T aux) => T.One;
    public Vector512<T> Apply(Vector512<T> x, Vector512<T> addend, Vector512<T> aux) => Vector512<T>.One;
    public Vector256<T> Apply(Vector256<T> x, Vector256<T> addend, Vector256<T> aux) => Vector256<T>.One;
}

/// <summary><c>inner(acc) · addend</c>: the componentwise vector-Jacobian product φ′(z) ∘ w from x = acc, w = addend.</summary>
public readonly struct TimesAddend<T, TInner>(TInner inner) : IEpilogue<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TInner : struct, IEpilogue<T>
{
    public bool UsesAddend => true;
    public bool UsesAux => false;
    public T Apply(T x, T addend, T aux) => inner.Apply(x, T.Zero, T.Zero) * addend;
    public Vector512<T> Apply(Vector512<T> x, Vector512<T> addend, Vector512<T> aux) => inner.Apply(x, Vector512<T>.Zero, Vector512<T>.Zero) * addend;
    public Vector256<T> Apply(Vector256<T> x, Vector256<T> addend, Vector256<T> aux) => inner.Apply(x, Vector256<T>.Zero, Vector256<T>.Zero) * addend;
}
