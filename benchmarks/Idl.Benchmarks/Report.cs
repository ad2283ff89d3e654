using System.Globalization;
using System.Text.Json;

namespace Idl.Benchmarks;

/// <summary>Writes results as a Markdown table or as JSON.</summary>
internal static class Report
{
    public static void Table(TextWriter w, IEnumerable<BenchResult> results)
    {
        w.WriteLine("| op | precision | n | m | ms/call | GFLOP/s | share of peak |");
        w.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Op} | {r.Precision} | {r.N} | {r.M} | {r.Ms:F3} | {r.Gflops:F1} | {r.PeakShare * 100:F1} % |"));
    }

    public static void Json(
        Stream s, string cpu, double peakFloat, double peakDouble, double kernelFloat, double kernelDouble, IEnumerable<BenchResult> results)
    {
        using var j = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true });
        j.WriteStartObject();
        j.WriteString("cpu", cpu);
        j.WriteString("date", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        j.WriteNumber("peakFloatGflops", Math.Round(peakFloat, 1));
        j.WriteNumber("peakDoubleGflops", Math.Round(peakDouble, 1));
        j.WriteNumber("microKernelL1FloatGflops", Math.Round(kernelFloat, 1));
        j.WriteNumber("microKernelL1DoubleGflops", Math.Round(kernelDouble, 1));
        j.WriteStartArray("results");
        foreach (var r in results)
        {
            j.WriteStartObject();
            j.WriteString("op", r.Op);
            j.WriteString("precision", r.Precision);
            j.WriteNumber("n", r.N);
            j.WriteNumber("m", r.M);
            j.WriteNumber("ms", Math.Round(r.Ms, 4));
            j.WriteNumber("gflops", Math.Round(r.Gflops, 1));
            j.WriteNumber("peakShare", Math.Round(r.PeakShare, 3));
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteEndObject();
    }

    /// <summary>The CPU model from /proc/cpuinfo where there is one.</summary>
    public static string Cpu()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") ?? "unknown";
    }
}
