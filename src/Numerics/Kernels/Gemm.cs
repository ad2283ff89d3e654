using System.Numerics;

namespace Idl.Numerics.Kernels;

/// <summary>
/// Dense matrix product with a fused elementwise output step, on the project's own kernels:
/// <c>C[i,j] = epilogue(Σₗ op(A)[i,l]·op(B)[l,j] (+ C[i,j] when accumulating), addend[i,j], aux[i,j])</c>.
/// </summary>
/// <remarks>
/// All matrices are row-major with explicit leading dimensions; <c>op(X)</c> is X or Xᵀ. Transposed operands are
/// read with strides during packing, never transposed in memory first. Runs on <see cref="ComputeThreads.Count"/>
/// threads: C is split into column blocks (or row panels when it has few columns) aligned to the register tile, so
/// every element is summed in the same order as on one thread and the result is the same to the bit.
/// </remarks>
public static partial class Gemm
{
    /// <summary>Computes the fused product described on the type.</summary>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="a">A, row-major with leading dimension <paramref name="lda"/>; m×k, or k×m when transposed.</param>
    /// <param name="b">B, row-major with leading dimension <paramref name="ldb"/>; k×n, or n×k when transposed.</param>
    /// <param name="c">C (m×n, leading dimension <paramref name="ldc"/>); must not overlap A, B, addend or aux.</param>
    /// <param name="epilogue">The output step, applied once per element after the full sum.</param>
    /// <param name="addend">m×n matrix read by the epilogue (leading dimension <paramref name="ldAddend"/>), or empty.</param>
    /// <param name="aux">m×n matrix read by the epilogue (leading dimension <paramref name="ldAux"/>), or empty.</param>
    /// <param name="accumulate">Add the product to C's current contents instead of overwriting them.</param>
    /// <exception cref="ArgumentException">A span is too short for its shape, or a leading dimension is too small.</exception>
    public static void Multiply<T, TEpilogue>(
        int m, int n, int k,
        ReadOnlySpan<T> a, int lda, bool transA,
        ReadOnlySpan<T> b, int ldb, bool transB,
        Span<T> c, int ldc,
        TEpilogue epilogue,
        ReadOnlySpan<T> addend = default, int ldAddend = 0,
        ReadOnlySpan<T> aux = default, int ldAux = 0,
        bool accumulate = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEpilogue : struct, IEpilogue<T>
    {
        Multiply(KernelPath.Auto, m, n, k, a, lda, transA, b, ldb, transB, c, ldc, epilogue, addend, ldAddend, aux, ldAux, accumulate);
    }

    /// <summary>The validated entry on a chosen kernel path and worker set; tests use it to check every path and split on any CPU.</summary>
    internal static void Multiply<T, TEpilogue>(
        KernelPath path, int m, int n, int k,
        ReadOnlySpan<T> a, int lda, bool transA,
        ReadOnlySpan<T> b, int ldb, bool transB,
        Span<T> c, int ldc,
        TEpilogue epilogue,
        ReadOnlySpan<T> addend, int ldAddend,
        ReadOnlySpan<T> aux, int ldAux,
        bool accumulate,
        KernelWorkers? workers = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEpilogue : struct, IEpilogue<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckOperand(a, lda, transA ? k : m, transA ? m : k, nameof(a));
        CheckOperand(b, ldb, transB ? n : k, transB ? k : n, nameof(b));
        CheckOperand(c, ldc, m, n, nameof(c));
        if (epilogue.UsesAddend) CheckOperand(addend, ldAddend, m, n, nameof(addend));
        if (epilogue.UsesAux) CheckOperand(aux, ldAux, m, n, nameof(aux));
        if (m == 0 || n == 0) return;

        MultiplyCore(workers ?? ComputeThreads.Workers, path, m, n, k, a, lda, transA, b, ldb, transB, c, ldc, epilogue, addend, ldAddend, aux, ldAux, accumulate);
    }

    /// <summary>Matrix form: <c>C = epilogue(op(A)·op(B) (+ C), addend, aux)</c>; shapes are checked and named.</summary>
    /// <exception cref="ArgumentException">The shapes do not agree.</exception>
    public static void Multiply<T, TEpilogue>(
        Matrix<T> a, bool transA, Matrix<T> b, bool transB, Matrix<T> c, TEpilogue epilogue,
        Matrix<T>? addend = null, Matrix<T>? aux = null, bool accumulate = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEpilogue : struct, IEpilogue<T>
    {
        int m = transA ? a.Cols : a.Rows, k = transA ? a.Rows : a.Cols;
        int kb = transB ? b.Cols : b.Rows, n = transB ? b.Rows : b.Cols;
        if (k != kb)
            throw new ArgumentException(
                $"Inner dimensions differ: op(A) is {m}x{k} (A {a.Shape}{(transA ? "ᵀ" : "")}) and op(B) is {kb}x{n} (B {b.Shape}{(transB ? "ᵀ" : "")}).",
                nameof(b));
        Guard.Shape(c, m, n, nameof(c));
        if (epilogue.UsesAddend)
        {
            ArgumentNullException.ThrowIfNull(addend);
            Guard.Shape(addend, m, n, nameof(addend));
        }
        if (epilogue.UsesAux)
        {
            ArgumentNullException.ThrowIfNull(aux);
            Guard.Shape(aux, m, n, nameof(aux));
        }
        Multiply(m, n, k, a.Data, a.Cols, transA, b.Data, b.Cols, transB, c.Data, c.Cols, epilogue,
            addend is null ? default : addend.Data, n, aux is null ? default : aux.Data, n, accumulate);
    }

    /// <summary><c>C = op(A)·op(B)</c>, allocating C.</summary>
    public static Matrix<T> Product<T>(Matrix<T> a, bool transA, Matrix<T> b, bool transB)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var c = new Matrix<T>(transA ? a.Cols : a.Rows, transB ? b.Rows : b.Cols);
        Multiply(a, transA, b, transB, c, default(ProductEpilogue<T>));
        return c;
    }

    /// <summary><c>C = A·B</c>, allocating C.</summary>
    public static Matrix<T> Product<T>(Matrix<T> a, Matrix<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(a, false, b, false);

    private static void CheckOperand<T>(ReadOnlySpan<T> span, int ld, int rows, int cols, string name)
    {
        if (rows == 0 || cols == 0) return;
        if (ld < cols)
            throw new ArgumentException($"Leading dimension {ld} of {name} is smaller than its {cols} columns.", name);
        long needed = (long)(rows - 1) * ld + cols;
        if (span.Length < needed)
            throw new ArgumentException(
                $"{name} has {span.Length} elements but a {rows}x{cols} operand with leading dimension {ld} needs {needed}.", name);
    }
}
