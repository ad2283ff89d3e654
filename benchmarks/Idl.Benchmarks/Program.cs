using System.Globalization;
using Idl.Benchmarks;

// Kernel benchmark (one thread unless --threads T): measures this machine's FMA peak, then the forward, adjoint and gradient
// products as a share of it. Data to stdout; progress to stderr. See docs/benchmarks.md.
if (args is ["--help"] or ["-h"])
{
    Console.Out.WriteLine(BenchOptions.Usage);
    return 0;
}
BenchOptions? o;
try
{
    o = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
if (o is null) return 2;

string cpu = Report.Cpu();
Idl.Numerics.Kernels.ComputeThreads.Set(o.Threads);
Console.Error.WriteLine($"{cpu}; {Environment.ProcessorCount} logical CPUs; kernel path {o.Path}; peak width {Peak.Width}; kernel threads {o.Threads}");

var cases = new List<KernelCase>();
foreach (var precision in o.Precisions)
    foreach (var op in o.Ops)
        foreach (int n in o.Ns)
            foreach (int m in o.Ms)
                cases.Add(precision == "float"
                    ? KernelCase.Create<float>(op, n, m, o.Path)
                    : KernelCase.Create<double>(op, n, m, o.Path));
foreach (var c in cases) c.WarmUp(o.MinRepMs);

// Repetitions go round-robin over the cases, with the peak re-measured each round, so that a burst of load
// from other processes on a shared machine spoils one repetition of everything rather than all of one case.
double peakFloat = 0, peakDouble = 0;
for (int r = 0; r < o.Reps; r++)
{
    peakFloat = Math.Max(peakFloat, Peak.Measure<float>(1));
    peakDouble = Math.Max(peakDouble, Peak.Measure<double>(1));
    foreach (var c in cases) c.Repeat();
    Console.Error.WriteLine($"repetition {r + 1}/{o.Reps} done");
}

// The micro-kernel alone on L1-resident panels: what the blocked products could reach if feeding were free.
double ceilFloat = KernelCeiling.Gflops<float>(256), ceilDouble = KernelCeiling.Gflops<double>(256);

var results = cases.Select(c => c.Result(c.Precision == "float" ? peakFloat : peakDouble)).ToList();
if (o.MathNet) results.Add(MathNetComparison.Run(512, 1024, peakFloat));

var table = o.Json ? Console.Error : Console.Out;
table.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"peak (16 FMA chains, one thread, best of {o.Reps}): float {peakFloat:F1}, double {peakDouble:F1} GFLOP/s"));
table.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"micro-kernel alone, L1-resident panels, kc=256: float {ceilFloat:F1} ({ceilFloat / peakFloat * 100:F1} %), double {ceilDouble:F1} ({ceilDouble / peakDouble * 100:F1} %) GFLOP/s"));
Report.Table(table, results);
if (o.Json)
{
    using var stdout = Console.OpenStandardOutput();
    Report.Json(stdout, cpu, peakFloat, peakDouble, ceilFloat, ceilDouble, results);
}
return 0;
