using System.Diagnostics;
using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Benchmarks;

/// <summary>One timed kernel: best per-call time over repetitions, as GFLOP/s and share of the measured peak.</summary>
internal sealed record BenchResult(string Op, string Precision, int N, int M, double Ms, double Gflops, double PeakShare);

/// <summary>
/// One of the three products of implicit training, for state size n and batch m (samples are columns):
/// forward X' = relu(A·X + BU), adjoint V' = Ψ∘(Aᵀ·V + CᵀG), gradient V·Xᵀ. Each costs 2·n·n·m flops. Also the
/// forward product of a pruned A stored as CSR (csr10, csr40: 10 % or 40 % of the entries kept), A·X + BU at
/// 2·nnz·m flops, to compare its time with the dense forward product's.
/// </summary>
internal sealed class KernelCase
{
    private readonly Action _call;
    private int _inner = 1;

    private KernelCase(string op, string precision, int n, int m, Action call, double? flops = null) =>
        (Op, Precision, N, M, _call, Flops) = (op, precision, n, m, call, flops ?? 2.0 * n * n * m);

    public string Op { get; }
    public string Precision { get; }
    public int N { get; }
    public int M { get; }
    public double Flops { get; }

    /// <summary>Best per-call time so far, in milliseconds.</summary>
    public double BestMs { get; private set; } = double.MaxValue;

    public static KernelCase Create<T>(string op, int n, int m, KernelPath path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Random(42);
        T[] Rand(int count, double scale)
        {
            var x = new T[count];
            for (int i = 0; i < x.Length; i++) x[i] = T.CreateTruncating((rng.NextDouble() * 2 - 1) * scale);
            return x;
        }
        // A scaled so ‖A‖ < 1 as in a well-posed model; the values do not affect the timing.
        var a = Rand(n * n, 1.0 / n);
        var x = Rand(n * m, 1);
        var bu = Rand(n * m, 1);
        var psi = op == "adjoint" ? Rand(n * m, 1) : [];
        var c = new T[op == "gradient" ? n * n : n * m];
        if (op is "csr10" or "csr40")
        {
            double keep = op == "csr10" ? 0.1 : 0.4;
            for (int i = 0; i < a.Length; i++) if (rng.NextDouble() >= keep) a[i] = T.Zero;
            var csr = Idl.Numerics.CsrMatrix<T>.FromDense(new Idl.Numerics.Matrix<T>(n, n, a));
            var (xm, bum, cm) = (new Idl.Numerics.Matrix<T>(n, m, x), new Idl.Numerics.Matrix<T>(n, m, bu), new Idl.Numerics.Matrix<T>(n, m, c));
            return new KernelCase(op, typeof(T) == typeof(float) ? "float" : "double", n, m,
                () => SparseProduct.Multiply(csr, xm, cm, bum), 2.0 * csr.NonZeros * m);
        }
        Action call = op switch
        {
            "forward" => () => Gemm.Multiply(path, n, m, n, a, n, false, x, m, false, c, m,
                default(AddReluEpilogue<T>), bu, m, default, 0, false),
            "adjoint" => () => Gemm.Multiply(path, n, m, n, a, n, true, x, m, false, c, m,
                default(AddScaleEpilogue<T>), bu, m, psi, m, false),
            "gradient" => () => Gemm.Multiply(path, n, n, m, x, m, false, bu, m, true, c, n,
                default(ProductEpilogue<T>), default, 0, default, 0, false),
            _ => throw new ArgumentException($"Unknown op {op}."),
        };
        return new KernelCase(op, typeof(T) == typeof(float) ? "float" : "double", n, m, call);
    }

    /// <summary>
    /// Runs long enough for tiered JIT to install the optimised kernels (they start as tier-0/OSR code) and to
    /// touch every page, then sizes one repetition to at least <paramref name="minRepMs"/>.
    /// </summary>
    public void WarmUp(double minRepMs)
    {
        var sw = Stopwatch.StartNew();
        int calls = 0;
        while (calls < 3 || sw.Elapsed.TotalMilliseconds < 200) { _call(); calls++; }
        double perCall = sw.Elapsed.TotalMilliseconds / calls;
        _inner = Math.Max(1, (int)Math.Ceiling(minRepMs / perCall));
    }

    /// <summary>One repetition; keeps the best per-call time.</summary>
    public void Repeat()
    {
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < _inner; i++) _call();
        BestMs = Math.Min(BestMs, sw.Elapsed.TotalMilliseconds / _inner);
    }

    public BenchResult Result(double peakGflops)
    {
        double gflops = Flops / (BestMs * 1e6);
        return new BenchResult(Op, Precision, N, M, BestMs, gflops, gflops / peakGflops);
    }
}
