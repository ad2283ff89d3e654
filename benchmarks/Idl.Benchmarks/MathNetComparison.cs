using System.Diagnostics;
using MN = MathNet.Numerics.LinearAlgebra;

namespace Idl.Benchmarks;

/// <summary>
/// MathNet.Numerics 5.0.0's managed float product for one forward-step shape: the library the project already
/// references, timed to document why the hot loops use the project's own kernel instead.
/// </summary>
internal static class MathNetComparison
{
    public static BenchResult Run(int n, int m, double peak)
    {
        var a = MN.Matrix<float>.Build.Random(n, n, 1);
        var x = MN.Matrix<float>.Build.Random(n, m, 2);
        _ = MN.Matrix<float>.Build.Random(8, 8, 3) * MN.Matrix<float>.Build.Random(8, 8, 4);
        double best = double.MaxValue;
        for (int r = 0; r < 2; r++)
        {
            var sw = Stopwatch.StartNew();
            _ = a * x;
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        double gflops = 2.0 * n * n * m / (best * 1e6);
        return new BenchResult("mathnet a*x", "float", n, m, best, gflops, gflops / peak);
    }
}
