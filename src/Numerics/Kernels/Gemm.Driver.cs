using System.Numerics;
using System.Runtime.CompilerServices;

namespace Idl.Numerics.Kernels;

public static partial class Gemm
{
    // Block sizes for Zen 5 (48 KiB L1D, 1 MiB L2), chosen by measurement (docs/benchmarks.md): the micro-kernel
    // alone runs at the FMA peak from L1, so what is left is feeding it. NC = 1024 beat 2048 by a few percent on
    // the wide (m = 4096) outputs; KC = 1024 keeps n ≤ 1024 products in one k-block (no second pass over C).

    /// <summary>Depth of one packed k-block; a B micro-panel (KC×Nr, 128 KiB) streams from L2 for every tile.</summary>
    internal const int KC = 1024;

    /// <summary>
    /// Rows of op(A) packed per block for 4-byte elements (half that for double), a multiple of every Mr: the
    /// MC×KC block (768 KiB) stays in L2 while the column tiles sweep across it.
    /// </summary>
    internal const int MC = 192;

    /// <summary>Columns of op(B) packed per block (a multiple of every Nr).</summary>
    internal const int NC = 1024;

    /// <summary>Most elements (4-byte; half for double) of packed op(A) kept across column blocks: 4 MiB.</summary>
    internal const int MaxKeptA = 1 << 20;

    private static unsafe void MultiplyCore<T, TEpilogue>(
        KernelWorkers workers, KernelPath path, int m, int n, int k,
        ReadOnlySpan<T> a, int lda, bool transA,
        ReadOnlySpan<T> b, int ldb, bool transB,
        Span<T> c, int ldc, TEpilogue epilogue,
        ReadOnlySpan<T> addend, int ldAddend, ReadOnlySpan<T> aux, int ldAux, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEpilogue : struct, IEpilogue<T>
    {
        // Spans were validated by the caller; empty ones pin to null and are never dereferenced.
        fixed (T* pa = a, pb = b, pc = c, pAdd = addend, pAux = aux)
        {
            var ops = new Operands<T>(pa, lda, transA, pb, ldb, transB, pc, ldc,
                epilogue.UsesAddend ? pAdd : null, ldAddend, epilogue.UsesAux ? pAux : null, ldAux);
            switch (KernelPaths.Resolve(path))
            {
                case KernelPath.Vector512:
                    Split<T, TEpilogue, MicroKernel512<T>>(workers, m, n, k, in ops, in epilogue, accumulate);
                    break;
                case KernelPath.Vector256:
                    Split<T, TEpilogue, MicroKernel256<T>>(workers, m, n, k, in ops, in epilogue, accumulate);
                    break;
                default:
                    Split<T, TEpilogue, MicroKernelScalar<T>>(workers, m, n, k, in ops, in epilogue, accumulate);
                    break;
            }
        }
    }

    /// <summary>
    /// Goto-style blocking: for each KC depth block and NC column block pack op(B) once, then for each MC row block
    /// pack op(A) (or reuse it) and sweep Mr×Nr tiles. C holds the partial sums between k-blocks; the epilogue runs
    /// on the last.
    /// </summary>
    // Hot methods (this one, packing, micro-kernels) skip tiered JIT: tier-0 code with short k-loops never
    // reaches OSR, and the call-counting delay kept whole runs on unoptimised kernels (3x slower) for seconds.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Drive<T, TEp, TK>(int m, int n, int k, in Operands<T> o, in TEp ep, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TEp : struct, IEpilogue<T>
        where TK : struct, IMicroKernel<T>
    {
        int mr = TK.Mr, nr = TK.Nr;
        bool fused = FusesIntoKernel<T, TEp>();
        var raw = default(ProductEpilogue<T>);
        int kcMax = Math.Max(1, Math.Min(KC, k));
        int mcMax = Math.Min(MC * 4 / sizeof(T), (m + mr - 1) / mr * mr);
        int ncMax = Math.Min(NC, (n + nr - 1) / nr * nr);
        // With several column blocks, keep all of op(A)'s packed k-block (when it fits) instead of repacking it
        // per column block: on the wide forward step (n = 512, m = 4096) repacking cost ~3 % of the time.
        long mPad = (m + mr - 1) / mr * (long)mr;
        bool keepA = n > ncMax && mPad * kcMax <= MaxKeptA * 4 / sizeof(T);
        long aSize = PackBuffer<T>.Align((keepA ? mPad : mcMax) * kcMax), bSize = PackBuffer<T>.Align((long)ncMax * kcMax);
        T* packA = PackBuffer<T>.Get(aSize + bSize + mr * nr);
        T* packB = packA + aSize;
        T* scratch = packB + bSize;

        // k = 0 still makes one (empty) pass so the epilogue and accumulate semantics apply.
        int pc = 0;
        do
        {
            int kc = Math.Min(kcMax, k - pc);
            bool loadC = accumulate || pc > 0, last = pc + kc >= k;
            for (int jc = 0; jc < n; jc += ncMax)
            {
                int nc = Math.Min(ncMax, n - jc);
                PackB<T, TK>(o.B, o.Ldb, o.TransB, pc, jc, kc, nc, packB);
                for (int ic = 0; ic < m; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, m - ic);
                    T* aBlock = keepA ? packA + (nint)ic * kc : packA;
                    if (!keepA || jc == 0) PackA<T, TK>(o.A, o.Lda, o.TransA, ic, pc, mc, kc, aBlock);
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int cols = Math.Min(nr, nc - jr);
                        T* bPanel = packB + (nint)jr * kc;
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int rows = Math.Min(mr, mc - ir);
                            T* aPanel = aBlock + (nint)ir * kc;
                            nint i = ic + ir, j = jc + jr;
                            T* ct = o.C + i * o.Ldc + j;
                            T* add = o.Addend is null ? null : o.Addend + i * o.LdAddend + j;
                            T* aux = o.Aux is null ? null : o.Aux + i * o.LdAux + j;
                            if (fused && rows == mr && cols == nr)
                            {
                                TK.Run(kc, aPanel, bPanel, ct, o.Ldc, add, o.LdAddend, aux, o.LdAux, loadC, last, in ep);
                            }
                            else
                            {
                                // Edge tile or costly epilogue: raw sums into scratch, then the valid part goes to C.
                                TK.Run(kc, aPanel, bPanel, scratch, nr, null, 0, null, 0, false, false, in raw);
                                StoreTile<T, TEp, TK>(scratch, nr, rows, cols, ct, o.Ldc, add, o.LdAddend, aux, o.LdAux, loadC, last, in ep);
                            }
                        }
                    }
                }
            }
            pc += kc;
        }
        while (pc < k);
    }

    /// <summary>Pinned operand pointers and leading dimensions; addend/aux are null when the epilogue does not read them.</summary>
    private readonly unsafe struct Operands<T>(
        T* a, nint lda, bool transA, T* b, nint ldb, bool transB, T* c, nint ldc,
        T* addend, nint ldAddend, T* aux, nint ldAux)
        where T : unmanaged
    {
        public readonly T* A = a, B = b, C = c, Addend = addend, Aux = aux;
        public readonly nint Lda = lda, Ldb = ldb, Ldc = ldc, LdAddend = ldAddend, LdAux = ldAux;
        public readonly bool TransA = transA, TransB = transB;

        /// <summary>The operands of C's columns from <paramref name="j"/> on (op(B)'s columns, C's, the addend's and aux's).</summary>
        public Operands<T> Columns(nint j) => new(A, Lda, TransA, TransB ? B + j * Ldb : B + j, Ldb, TransB, C + j, Ldc,
            Addend is null ? null : Addend + j, LdAddend, Aux is null ? null : Aux + j, LdAux);

        /// <summary>The operands of C's rows from <paramref name="i"/> on (op(A)'s rows, C's, the addend's and aux's).</summary>
        public Operands<T> Rows(nint i) => new(TransA ? A + i : A + i * Lda, Lda, TransA, B, Ldb, TransB, C + i * Ldc, Ldc,
            Addend is null ? null : Addend + i * LdAddend, LdAddend, Aux is null ? null : Aux + i * LdAux, LdAux);
    }
}
