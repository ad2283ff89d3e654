using System.Globalization;
using Idl.Numerics.Kernels;

namespace Idl.Benchmarks;

/// <summary>Command-line options; <see cref="Parse"/> prints usage to stderr and returns null on an unknown option.</summary>
internal sealed record BenchOptions(
    int[] Ns, int[] Ms, string[] Precisions, string[] Ops, int Reps, double MinRepMs, bool Json, bool MathNet, KernelPath Path, int Threads = 1)
{
    public const string Usage = """
        usage: run.sh [--quick] [--n 128,512,1024] [--m 1024,4096] [--precision float,double]
                      [--ops forward,adjoint,gradient,csr10,csr40] [--reps 5] [--min-ms 20] [--path auto|vector512|vector256|scalar]
                      [--no-mathnet] [--json] [--threads 1]
          --quick     n=512, m=1024, 3 repetitions of at least 5 ms (a smoke run of a few seconds)
          --json      results as JSON on stdout; the table goes to stderr
          --threads   kernel threads for the products (the peak stays one thread); default 1
        """;

    public static BenchOptions Default => new(
        [128, 512, 1024], [1024, 4096], ["float", "double"], ["forward", "adjoint", "gradient"], 5, 20, false, true, KernelPath.Auto);

    public static BenchOptions? Parse(string[] args)
    {
        var o = Default;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick": o = o with { Ns = [512], Ms = [1024], Reps = 3, MinRepMs = 5 }; break;
                case "--n": o = o with { Ns = Ints(Next()) }; break;
                case "--m": o = o with { Ms = Ints(Next()) }; break;
                case "--precision": o = o with { Precisions = Words(Next(), "float", "double") }; break;
                case "--ops": o = o with { Ops = Words(Next(), "forward", "adjoint", "gradient", "csr10", "csr40") }; break;
                case "--reps": o = o with { Reps = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--min-ms": o = o with { MinRepMs = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--path": o = o with { Path = Enum.Parse<KernelPath>(Next(), ignoreCase: true) }; break;
                case "--no-mathnet": o = o with { MathNet = false }; break;
                case "--json": o = o with { Json = true }; break;
                case "--threads": o = o with { Threads = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    Console.Error.WriteLine(Usage);
                    return null;
            }
        }
        return o;
    }

    private static int[] Ints(string s) =>
        s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();

    private static string[] Words(string s, params string[] allowed)
    {
        var words = s.Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var w in words)
            if (!allowed.Contains(w)) throw new ArgumentException($"'{w}' is not one of {string.Join(", ", allowed)}.");
        return words;
    }
}
