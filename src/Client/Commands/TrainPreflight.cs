using System.CommandLine;
using System.Globalization;

namespace Idl.Client.Commands;

/// <summary>
/// Checks of <c>idl train</c> that combine options or look at the machine, run before any data is loaded so that
/// a bad combination fails in a second rather than after loading (or training).
/// </summary>
internal static class TrainPreflight
{
    /// <exception cref="UsageException">A combination that cannot work; the message names the options and values.</exception>
    /// <param name="dataSpec">The <c>--data</c> specification, whose shape the memory estimate peeks at.</param>
    /// <param name="availableBytes">Memory this process may use (default: what the GC reports, which honours a
    /// container's limit and DOTNET_GCHeapHardLimit).</param>
    public static void Check(TrainSettings s, ParseResult parse, ClusterOptions cluster, string dataSpec, long? availableBytes = null)
    {
        if (s.Training.EarlyStoppingPatience is { } patience && s.ValidationFraction <= 0)
            throw UsageException.For("--patience", patience, "needs a validation split to watch: add --validation, e.g. --validation 0.1");
        if (!cluster.IsDistributed(parse))
        {
            if (parse.GetValue(cluster.RunId) is { } runId)
                throw UsageException.For("--run-id", runId, "names a run on a cluster: add --cluster host:port (or --shards K for an embedded silo)");
            if (parse.GetResult(cluster.CheckpointInterval) is { Implicit: false })
                throw UsageException.For("--checkpoint-interval", parse.GetValue(cluster.CheckpointInterval), "applies to cluster runs only: add --cluster or --shards");
        }
        if (parse.GetValue(cluster.Detach) && parse.GetValue(cluster.Cluster) is null)
            throw new UsageException("--detach needs --cluster: a run on the embedded silo ends with this process");
        if (s.Trainer == "fenchel" && !IsRelu(s.Activation))
            throw UsageException.For("--activation", s.Activation, "--trainer fenchel implements the ReLU relaxation of eq. 6.8 only: use --activation relu, or --trainer sgd or bcd");
        if (s.OutPath is { } outPath && Directory.Exists(outPath))
            throw UsageException.For("--out", outPath, "is a folder; name the model file to write, e.g. " + Path.Combine(outPath, "model.idl"));
        CheckArraySize(s.Hidden);
        // A running cluster's silos hold the run, not this machine (they refuse what they cannot hold themselves).
        if (parse.GetValue(cluster.Cluster) is null)
            CheckMemory(s, DataShape.Peek(dataSpec, s.Limit), dataSpec, availableBytes ?? Available(), embeddedSilo: cluster.IsDistributed(parse));
    }

    /// <summary>Refuses a run whose large allocations (<see cref="TrainMemory"/>) would not fit in
    /// <paramref name="availableBytes"/>.</summary>
    public static void CheckMemory(TrainSettings s, DataShape data, string dataSpec, long availableBytes, bool embeddedSilo = false) =>
        TrainMemory.Check(TrainMemory.Estimate(s, data, embeddedSilo), availableBytes, option => option switch
        {
            "--hidden" => s.Hidden,
            "--batch" => s.Training.BatchSize,
            "--limit" => s.Limit?.ToString(CultureInfo.InvariantCulture) ?? "(all samples)",
            "--warm-start" => "on",
            _ => dataSpec,
        });

    /// <summary>Refuses a state size whose n×n matrix A could not be one array.</summary>
    public static void CheckArraySize(int hidden)
    {
        if ((long)hidden * hidden > Array.MaxLength)
            throw UsageException.For("--hidden", hidden, string.Create(CultureInfo.InvariantCulture,
                $"the {hidden}x{hidden} matrix A would have {(double)hidden * hidden:G3} entries, more than one array holds ({Array.MaxLength}); the largest --hidden is {(int)Math.Sqrt(Array.MaxLength)}"));
    }

    // What the GC may use (physical memory, a container's limit or DOTNET_GCHeapHardLimit), but no more than the
    // kernel says is available now: memory other processes hold is not this run's.
    internal static long Available()
    {
        long gc = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        try
        {
            foreach (string line in File.ReadLines("/proc/meminfo"))
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)
                    && long.TryParse(line["MemAvailable:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long kb))
                    return Math.Min(gc, kb * 1024 + Environment.WorkingSet);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return gc;
    }

    internal static string Bytes(double bytes) => bytes switch
    {
        >= 1L << 40 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 40):F1} TiB"),
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 30):F1} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 20):F1} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 10):F1} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:F0} bytes"),
    };

    private static bool IsRelu(string activation) => activation.Trim().Equals("relu", StringComparison.OrdinalIgnoreCase);
}
