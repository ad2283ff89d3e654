using System.Numerics;

namespace Idl.Numerics.Kernels;

/// <summary>
/// R = S·X (+ addend) for a CSR matrix S and a dense row-major X: row i of R is Σₑ Sᵢ,cₑ·X[cₑ, :], a sum of
/// contiguous vector AXPYs over the samples, so the cost is O(nnz·m) instead of the dense O(n²·m).
/// </summary>
/// <remarks>
/// Rows are split over <see cref="ComputeThreads"/> in contiguous ranges of about equal work; each row is computed
/// by one thread in the same order whatever the split, so the result is identical to the bit on any thread count.
/// </remarks>
public static class SparseProduct
{
    /// <summary>Computes <paramref name="result"/> = <paramref name="s"/>·<paramref name="x"/> + <paramref name="addend"/> (or without addend when null).</summary>
    /// <param name="addend">Same shape as the result, or null; it may be <paramref name="result"/> itself.</param>
    /// <exception cref="ArgumentException">The shapes disagree (the message names both), or <paramref name="result"/> is <paramref name="x"/>.</exception>
    public static void Multiply<T>(CsrMatrix<T> s, Matrix<T> x, Matrix<T> result, Matrix<T>? addend = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Multiply(s, x, result, addend, ComputeThreads.Workers);

    internal static void Multiply<T>(CsrMatrix<T> s, Matrix<T> x, Matrix<T> result, Matrix<T>? addend, KernelWorkers workers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(result);
        if (x.Rows != s.Cols)
            throw new ArgumentException($"X is {x.Shape} but the sparse matrix is {s.Rows}x{s.Cols}; X must have {s.Cols} rows.", nameof(x));
        Guard.Shape(result, s.Rows, x.Cols, nameof(result));
        if (addend is not null) Guard.Shape(addend, s.Rows, x.Cols, nameof(addend));
        // Row i of the result is written while later rows still read X; the two must not be one matrix.
        if (ReferenceEquals(result, x)) throw new ArgumentException("The result must not be X itself.", nameof(result));
        if (s.Rows == 0 || x.Cols == 0) return;

        long work = 2L * (s.NonZeros + s.Rows) * x.Cols;
        int parts = (int)Math.Min(Math.Min(workers.Count, s.Rows), Math.Max(1, work / Math.Max(1, workers.MinFlopsPerPart)));
        if (parts > 1)
        {
            var job = Job<T>.ForThisThread();
            job.Set(s, x, result, addend, parts);
            bool ran;
            try { ran = workers.TryRun(job, parts); }
            finally { job.Clear(); }
            if (ran) return;
        }
        Rows(s, x, result, addend, 0, s.Rows);
    }

    private static void Rows<T>(CsrMatrix<T> s, Matrix<T> x, Matrix<T> result, Matrix<T>? addend, int from, int to)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = x.Cols, lanes = Vector<T>.Count, wide = 4 * lanes;
        // Panel by panel of four vectors of samples, over all rows: the panel's slice of X (n·4 vectors) stays in L2,
        // and each output slice is summed in four registers and stored once, so a stored entry costs four loads and
        // four FMAs. Every element still sums its row's entries in order e, whatever the panel.
        int c0 = 0;
        for (; c0 + wide <= m; c0 += wide) Panel4(s, x, result, addend, from, to, c0);
        for (; c0 + lanes <= m; c0 += lanes) Panel1(s, x, result, addend, from, to, c0);
        if (c0 < m) Scalar(s, x, result, addend, from, to, c0);
    }

    private static void Panel4<T>(CsrMatrix<T> s, Matrix<T> x, Matrix<T> result, Matrix<T>? addend, int from, int to, int c0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lanes = Vector<T>.Count, m = x.Cols;
        var values = s.Values;
        var columns = s.ColumnIndices;
        var offsets = s.RowOffsets;
        var xd = x.Data;
        for (int i = from; i < to; i++)
        {
            Vector<T> a0, a1, a2, a3;
            if (addend is null) a0 = a1 = a2 = a3 = Vector<T>.Zero;
            else
            {
                var add = addend.Data.AsSpan(i * m + c0);
                (a0, a1, a2, a3) = (new Vector<T>(add), new Vector<T>(add[lanes..]), new Vector<T>(add[(2 * lanes)..]), new Vector<T>(add[(3 * lanes)..]));
            }
            for (int e = offsets[i]; e < offsets[i + 1]; e++)
            {
                var v = new Vector<T>(values[e]);
                var xr = xd.AsSpan(columns[e] * m + c0);
                a0 += v * new Vector<T>(xr);
                a1 += v * new Vector<T>(xr[lanes..]);
                a2 += v * new Vector<T>(xr[(2 * lanes)..]);
                a3 += v * new Vector<T>(xr[(3 * lanes)..]);
            }
            var r = result.Data.AsSpan(i * m + c0);
            a0.CopyTo(r);
            a1.CopyTo(r[lanes..]);
            a2.CopyTo(r[(2 * lanes)..]);
            a3.CopyTo(r[(3 * lanes)..]);
        }
    }

    private static void Panel1<T>(CsrMatrix<T> s, Matrix<T> x, Matrix<T> result, Matrix<T>? addend, int from, int to, int c0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = x.Cols;
        for (int i = from; i < to; i++)
        {
            var acc = addend is null ? Vector<T>.Zero : new Vector<T>(addend.Data.AsSpan(i * m + c0));
            for (int e = s.RowOffsets[i]; e < s.RowOffsets[i + 1]; e++)
                acc += new Vector<T>(s.Values[e]) * new Vector<T>(x.Data.AsSpan(s.ColumnIndices[e] * m + c0));
            acc.CopyTo(result.Data.AsSpan(i * m + c0));
        }
    }

    private static void Scalar<T>(CsrMatrix<T> s, Matrix<T> x, Matrix<T> result, Matrix<T>? addend, int from, int to, int c0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = x.Cols;
        for (int i = from; i < to; i++)
            for (int j = c0; j < m; j++)
            {
                T acc = addend is null ? T.Zero : addend.Data[i * m + j];
                for (int e = s.RowOffsets[i]; e < s.RowOffsets[i + 1]; e++) acc += s.Values[e] * x.Data[s.ColumnIndices[e] * m + j];
                result.Data[i * m + j] = acc;
            }
    }

    /// <summary>The first row of part <paramref name="part"/> of <paramref name="parts"/>, balancing entries plus one per row.</summary>
    private static int Boundary<T>(CsrMatrix<T> s, int part, int parts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (part >= parts) return s.Rows;
        long target = (long)(s.NonZeros + s.Rows) * part / parts;
        int lo = 0, hi = s.Rows;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if ((long)s.RowOffsets[mid] + mid < target) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>One split product, reused per calling thread so that a split allocates nothing after the first.</summary>
    private sealed class Job<T> : IKernelJob where T : unmanaged, IFloatingPointIeee754<T>
    {
        [ThreadStatic] private static Job<T>? t_job;
        private CsrMatrix<T>? _s;
        private Matrix<T>? _x, _result, _addend;
        private int _parts;

        public static Job<T> ForThisThread() => t_job ??= new();

        public void Set(CsrMatrix<T> s, Matrix<T> x, Matrix<T> result, Matrix<T>? addend, int parts) =>
            (_s, _x, _result, _addend, _parts) = (s, x, result, addend, parts);

        // Drops the references so that a parked job keeps no matrix alive.
        public void Clear() => (_s, _x, _result, _addend) = (null, null, null, null);

        public void Run(int part) =>
            Rows(_s!, _x!, _result!, _addend, Boundary(_s!, part, _parts), Boundary(_s!, part + 1, _parts));
    }
}
