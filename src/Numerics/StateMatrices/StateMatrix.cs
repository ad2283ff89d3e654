using System.Numerics;

namespace Idl.Numerics.StateMatrices;

/// <summary>
/// The state matrix A (n×n) of an implicit model in one of its stored forms (<see cref="StateMatrixForm"/>): what the
/// equilibrium iteration needs from it is the product A·X, which each form computes at its own cost.
/// </summary>
public abstract class StateMatrix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private double[]? _rowAbsSums;

    private protected StateMatrix(int size) => Size = size;

    /// <summary>n.</summary>
    public int Size { get; }

    /// <summary>The stored form.</summary>
    public abstract StateMatrixForm Form { get; }

    /// <summary>Bytes of A's tensors in a model file (values, factors or indices), for comparing forms.</summary>
    public abstract long StoredBytes { get; }

    /// <summary>"dense", "rank k" or "sparse, nnz nonzeros", for reports.</summary>
    public abstract string Description { get; }

    /// <summary>Rows of the k×m workspace <see cref="Multiply"/> needs (0 for none).</summary>
    internal virtual int ScratchRows => 0;

    /// <summary><paramref name="result"/> = A·<paramref name="x"/> + <paramref name="addend"/>; <paramref name="scratch"/> is <see cref="ScratchRows"/>×m or null when that is 0.</summary>
    internal abstract void Multiply(Matrix<T> x, Matrix<T> addend, Matrix<T> result, Matrix<T>? scratch);

    /// <summary>A as an n×n matrix (the stored matrix itself for the dense form, a new one otherwise).</summary>
    public abstract Matrix<T> ToDense();

    /// <summary>The same A in another precision.</summary>
    public abstract StateMatrix<TOut> Convert<TOut>() where TOut : unmanaged, IFloatingPointIeee754<TOut>;

    /// <summary>Σⱼ|Aᵢⱼ| for every row, in double (for the contraction certificate); computed once.</summary>
    public double[] RowAbsSums() => LazyInitializer.EnsureInitialized(ref _rowAbsSums, ComputeRowAbsSums);

    private protected virtual double[] ComputeRowAbsSums()
    {
        var dense = ToDense();
        return Enumerable.Range(0, Size).Select(i => Norms.RowAbsSum<T>(dense.Row(i))).ToArray();
    }

    /// <summary>The bytes of one stored scalar.</summary>
    private protected static int ScalarBytes => System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
}
