using System.CommandLine;
using System.Globalization;

namespace Idl.Client.Commands;

/// <summary>
/// Checks of <c>idl train</c> that combine options or look at the machine, run before any data is loaded so that
/// a bad combination fails in a second rather than after loading (or training).
/// </summary>
internal static class TrainPreflight
{
    /// <summary>Copies of the n×n matrix A a run holds at once: A, its gradient and the two Adam moments.</summary>
    internal const int SquareCopies = 4;

    /// <exception cref="UsageException">A combination that cannot work; the message names the options and values.</exception>
    public static void Check(TrainSettings s, ParseResult parse, ClusterOptions cluster, long? availableBytes = null)
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
        if (s.Trainer == "fenchel" && !IsRelu(s.Activation))
            throw UsageException.For("--activation", s.Activation, "--trainer fenchel implements the ReLU relaxation of eq. 6.8 only: use --activation relu, or --trainer sgd or bcd");
        if (s.OutPath is { } outPath && Directory.Exists(outPath))
            throw UsageException.For("--out", outPath, "is a folder; name the model file to write, e.g. " + Path.Combine(outPath, "model.idl"));
        CheckMemory(s.Hidden, s.Precision == Idl.Numerics.Precision.Float64 ? sizeof(double) : sizeof(float), availableBytes ?? Available());
    }

    /// <summary>Refuses a state size whose n×n matrices alone would not fit in memory.</summary>
    public static void CheckMemory(int hidden, int elementBytes, long availableBytes)
    {
        if ((long)hidden * hidden > Array.MaxLength)
            throw UsageException.For("--hidden", hidden, string.Create(CultureInfo.InvariantCulture,
                $"the {hidden}x{hidden} matrix A would have {(double)hidden * hidden:G3} entries, more than one array holds ({Array.MaxLength}); the largest --hidden is {(int)Math.Sqrt(Array.MaxLength)}"));
        double needed = SquareCopies * (double)hidden * hidden * elementBytes;
        if (needed > availableBytes)
            throw UsageException.For("--hidden", hidden, string.Create(CultureInfo.InvariantCulture,
                $"the {hidden}x{hidden} matrix A with its gradient and optimizer state needs {Bytes(needed)}, but {Bytes(availableBytes)} of memory are available"));
    }

    internal static long Available() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    internal static string Bytes(double bytes) => bytes switch
    {
        >= 1L << 40 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 40):F1} TiB"),
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 30):F1} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 20):F1} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:F0} bytes"),
    };

    private static bool IsRelu(string activation) => activation.Trim().Equals("relu", StringComparison.OrdinalIgnoreCase);
}
