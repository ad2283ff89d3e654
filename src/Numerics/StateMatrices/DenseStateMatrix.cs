using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.StateMatrices;

/// <summary>A stored as all n² entries.</summary>
public sealed class DenseStateMatrix<T> : StateMatrix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Wraps <paramref name="a"/> (held by reference, not copied).</summary>
    /// <exception cref="ArgumentException">A is not square.</exception>
    public DenseStateMatrix(Matrix<T> a) : base(CheckSquare(a)) => Matrix = a;

    /// <summary>A.</summary>
    public Matrix<T> Matrix { get; }

    /// <inheritdoc />
    public override StateMatrixForm Form => StateMatrixForm.Dense;

    /// <inheritdoc />
    public override long StoredBytes => (long)Matrix.Length * ScalarBytes;

    /// <inheritdoc />
    public override string Description => "dense";

    internal override void Multiply(Matrix<T> x, Matrix<T> addend, Matrix<T> result, Matrix<T>? scratch) =>
        Gemm.Multiply(Matrix, false, x, false, result, default(AddEpilogue<T>), addend);

    /// <inheritdoc />
    public override Matrix<T> ToDense() => Matrix;

    /// <inheritdoc />
    public override StateMatrix<TOut> Convert<TOut>() => new DenseStateMatrix<TOut>(Matrix.Convert<TOut>());

    private static int CheckSquare(Matrix<T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        Guard.Square(a, nameof(a));
        return a.Rows;
    }
}
