using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Models;

/// <summary>
/// An implicit model (eq. 1.1): ŷ = Cx + Du + c with the state x solving x = φ(Ax + Bu + b). The optional bias
/// vectors b (state) and c (output) are the paper's appended constant input, stored apart so that the
/// well-posedness constraint on A is unaffected. Batched over samples as columns: Ŷ = CX + DU (§6.1).
/// </summary>
/// <remarks>The matrices are held by reference; trainers update them in place.</remarks>
public sealed class ImplicitModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a model from its parameters; shapes are checked against each other.</summary>
    /// <param name="a">A, n×n.</param>
    /// <param name="b">B, n×p.</param>
    /// <param name="c">C, q×n.</param>
    /// <param name="d">D, q×p.</param>
    /// <param name="activation">φ, covering n rows.</param>
    /// <param name="stateBias">b, length n, or null for none.</param>
    /// <param name="outputBias">c, length q, or null for none.</param>
    /// <exception cref="ArgumentException">A shape disagrees; the message names both shapes.</exception>
    public ImplicitModel(Matrix<T> a, Matrix<T> b, Matrix<T> c, Matrix<T> d, ActivationMap activation,
        T[]? stateBias = null, T[]? outputBias = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        Guard.Square(a, nameof(a));
        CheckAround(a.Rows, a.Shape, b, c, d, activation, stateBias, outputBias);
        (A, B, C, D, Activation, StateBias, OutputBias) = (a, b, c, d, activation, stateBias, outputBias);
    }

    /// <summary>Checks B, C, D, φ and the biases against an n×n A (described by <paramref name="a"/> in messages):
    /// the one check of a dense <see cref="ImplicitModel{T}"/> and of a <see cref="StructuredModel{T}"/>.</summary>
    /// <exception cref="ArgumentException">A shape disagrees; the message names both shapes.</exception>
    internal static void CheckAround(int n, string a, Matrix<T> b, Matrix<T> c, Matrix<T> d, ActivationMap activation, T[]? stateBias, T[]? outputBias)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(activation);
        Guard.Rows(b, n, nameof(b));
        if (c.Cols != n) throw new ArgumentException($"C is {c.Shape} but A is {a}; C must have {n} columns.", nameof(c));
        Guard.Shape(d, c.Rows, b.Cols, nameof(d));
        if (activation.Size != n)
            throw new ArgumentException($"The activation map covers {activation.Size} rows but A is {a}.", nameof(activation));
        if (stateBias is not null && stateBias.Length != n)
            throw new ArgumentException($"State bias has length {stateBias.Length} but n = {n}.", nameof(stateBias));
        if (outputBias is not null && outputBias.Length != c.Rows)
            throw new ArgumentException($"Output bias has length {outputBias.Length} but q = {c.Rows}.", nameof(outputBias));
    }

    public Matrix<T> A { get; }
    public Matrix<T> B { get; }
    public Matrix<T> C { get; }
    public Matrix<T> D { get; }

    /// <summary>The activation map φ.</summary>
    public ActivationMap Activation { get; }

    /// <summary>The state bias b (length n), or null.</summary>
    public T[]? StateBias { get; }

    /// <summary>The output bias c (length q), or null.</summary>
    public T[]? OutputBias { get; }

    /// <summary>The state dimension n.</summary>
    public int StateSize => A.Rows;

    /// <summary>The input dimension p.</summary>
    public int InputSize => B.Cols;

    /// <summary>The output dimension q.</summary>
    public int OutputSize => C.Rows;

    /// <summary>A deep copy (matrices and biases).</summary>
    public ImplicitModel<T> Clone() => new(A.Clone(), B.Clone(), C.Clone(), D.Clone(), Activation,
        (T[]?)StateBias?.Clone(), (T[]?)OutputBias?.Clone());

    /// <summary>The same model in another precision.</summary>
    public ImplicitModel<TOut> Convert<TOut>() where TOut : unmanaged, IFloatingPointIeee754<TOut> =>
        new(A.Convert<TOut>(), B.Convert<TOut>(), C.Convert<TOut>(), D.Convert<TOut>(), Activation,
            StateBias?.Select(TOut.CreateTruncating).ToArray(), OutputBias?.Select(TOut.CreateTruncating).ToArray());

    /// <summary>The input term BU + b1ᵀ (n×m) that stays fixed across equilibrium iterations.</summary>
    public Matrix<T> InputTerm(Matrix<T> u)
    {
        CheckInput(u);
        return InputTerm(B, StateBias, u);
    }

    /// <summary>BU + b1ᵀ for any model with these B and b (shapes checked by the caller).</summary>
    internal static Matrix<T> InputTerm(Matrix<T> b, T[]? stateBias, Matrix<T> u)
    {
        var result = new Matrix<T>(b.Rows, u.Cols);
        Gemm.Multiply(b, false, u, false, result, default(ProductEpilogue<T>));
        AddRowBias(result, stateBias);
        return result;
    }

    /// <summary>Ŷ = CX + DU + c1ᵀ (eq. 1.1a, batched).</summary>
    public Matrix<T> Output(Matrix<T> x, Matrix<T> u)
    {
        CheckInput(u);
        Guard.Shape(x, StateSize, u.Cols, nameof(x));
        return Output(C, D, OutputBias, x, u);
    }

    /// <summary>CX + DU + c1ᵀ for any model with these C, D and c (shapes checked by the caller).</summary>
    internal static Matrix<T> Output(Matrix<T> c, Matrix<T> d, T[]? outputBias, Matrix<T> x, Matrix<T> u)
    {
        var y = new Matrix<T>(c.Rows, u.Cols);
        Gemm.Multiply(c, false, x, false, y, default(ProductEpilogue<T>));
        Gemm.Multiply(d, false, u, false, y, default(ProductEpilogue<T>), accumulate: true);
        AddRowBias(y, outputBias);
        return y;
    }

    internal void CheckInput(Matrix<T> u)
    {
        ArgumentNullException.ThrowIfNull(u);
        if (u.Rows != InputSize)
            throw new ArgumentException(
                $"Input U is {u.Shape} but the model expects {InputSize} features per sample (rows; samples are columns).", nameof(u));
    }

    private static void AddRowBias(Matrix<T> m, T[]? bias)
    {
        if (bias is null) return;
        for (int i = 0; i < m.Rows; i++)
        {
            var row = m.Row(i);
            T v = bias[i];
            for (int j = 0; j < row.Length; j++) row[j] += v;
        }
    }
}
