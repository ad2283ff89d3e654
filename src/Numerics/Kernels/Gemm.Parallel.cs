using System.Numerics;

namespace Idl.Numerics.Kernels;

public static partial class Gemm
{
    /// <summary>
    /// Splits C over the worker set: into column blocks when C has at least as many columns as rows (the forward
    /// and adjoint products, whose columns are the batch), else into row panels (the n×n gradient products with a
    /// narrow batch). Block edges are multiples of the register tile, so every tile, full or edge, is the tile it
    /// would be on one thread and the result is identical to the bit.
    /// </summary>
    private static unsafe void Split<T, TEp, TK>(KernelWorkers workers, int m, int n, int k, in Operands<T> o, in TEp ep, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEp : struct, IEpilogue<T>
        where TK : struct, IMicroKernel<T>
    {
        bool byColumns = n >= m;
        int unit = byColumns ? TK.Nr : TK.Mr;
        int units = ((byColumns ? n : m) + unit - 1) / unit;
        long flops = 2L * m * n * Math.Max(k, 1);
        int parts = (int)Math.Min(Math.Min(workers.Count, units), Math.Max(1, flops / Math.Max(1, workers.MinFlopsPerPart)));
        if (parts > 1)
        {
            var job = SplitJob<T, TEp, TK>.ForThisThread();
            job.Set(m, n, k, in o, in ep, accumulate, byColumns, unit, units, parts);
            bool ran;
            try { ran = workers.TryRun(job, parts); }
            finally { job.Clear(); }
            if (ran) return;
        }
        Drive<T, TEp, TK>(m, n, k, in o, in ep, accumulate);
    }

    /// <summary>
    /// One split product. Reused per calling thread (the caller waits for all parts before returning), so a split
    /// allocates nothing after the first call; the pointers stay valid because the caller's spans stay pinned.
    /// </summary>
    private sealed unsafe class SplitJob<T, TEp, TK> : IKernelJob
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEp : struct, IEpilogue<T>
        where TK : struct, IMicroKernel<T>
    {
        [ThreadStatic] private static SplitJob<T, TEp, TK>? t_job;
        private Operands<T> _o;
        private TEp _ep;
        private int _m, _n, _k, _unit, _units, _parts;
        private bool _accumulate, _byColumns;

        public static SplitJob<T, TEp, TK> ForThisThread() => t_job ??= new();

        public void Set(int m, int n, int k, in Operands<T> o, in TEp ep, bool accumulate, bool byColumns, int unit, int units, int parts) =>
            (_m, _n, _k, _o, _ep, _accumulate, _byColumns, _unit, _units, _parts) = (m, n, k, o, ep, accumulate, byColumns, unit, units, parts);

        public void Clear() => _o = default;

        public void Run(int part)
        {
            int dim = _byColumns ? _n : _m;
            int lo = (int)Math.Min(dim, (long)_units * part / _parts * _unit);
            int hi = (int)Math.Min(dim, (long)_units * (part + 1) / _parts * _unit);
            if (hi <= lo) return;
            if (_byColumns) Drive<T, TEp, TK>(_m, hi - lo, _k, _o.Columns(lo), in _ep, _accumulate);
            else Drive<T, TEp, TK>(hi - lo, _n, _k, _o.Rows(lo), in _ep, _accumulate);
        }
    }
}
