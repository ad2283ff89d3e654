using Microsoft.Extensions.Options;

namespace Idl.Grains.Options;

/// <summary>Limits and timings of distributed training on a silo; every default is stated here.</summary>
public sealed class TrainingClusterOptions
{
    /// <summary>Hard limit on one matrix a grain sends or accepts (one field of a parameter set or of a gradient
    /// contribution), in bytes; a larger one fails before anything is sent, with a message naming the field. Default
    /// 256 MiB (a float64 A up to n ≈ 5790). Matrices travel in chunks of at most <see cref="ChunkBytes"/>, so this
    /// bounds memory, not Orleans' message size.</summary>
    public long MaxPayloadBytes { get; set; } = 256L << 20;

    /// <summary>Most bytes of matrix data in one message. A parameter set or contribution larger than this keeps its
    /// largest matrices on the sending silo and the receiver pulls them in chunks of this size; smaller ones travel
    /// inline as before (inside one silo, never copied). Default 16 MiB, at most 64 MiB: Orleans' body limit is
    /// 100 MiB, and an oversized message surfaces only as a 30 s timeout.</summary>
    public int ChunkBytes { get; set; } = 16 << 20;

    /// <summary>Most children one aggregation stage calls. A run with more shards sums their contributions in a tree
    /// of aggregator grains instead of the coordinator calling every shard. Default 8.</summary>
    public int AggregationFanIn { get; set; } = 8;

    /// <summary>Threads the coordinator projects the rows of A over after each update (the row-parallel ℓ1
    /// projection; the rows are independent, so the result is the same to the bit). 0 (default): one per core.</summary>
    public int ProjectionThreads { get; set; }

    /// <summary><see cref="ProjectionThreads"/> with 0 resolved to the core count.</summary>
    public int ResolvedProjectionThreads => ProjectionThreads > 0 ? ProjectionThreads : Environment.ProcessorCount;

    /// <summary>Longest a coordinator waits for one shard call. Default 5 minutes.</summary>
    public TimeSpan ShardCallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Consecutive failed attempts at one step before the run is marked failed. Default 30.</summary>
    public int MaxStepAttempts { get; set; } = 30;

    /// <summary>Checkpoint writes in a row that may fail before the run pauses with "checkpoint storage failing"
    /// (training on would only widen the gap to the last durable checkpoint). Default 3.</summary>
    public int MaxCheckpointFailures { get; set; } = 3;

    /// <summary>Pause between a failed step attempt and the next. Default 200 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Period of the reminder that reactivates a running run whose silo died, so that it resumes without
    /// waiting for a caller. Default 1 minute (Orleans' minimum reminder period is lowered to match when shorter).</summary>
    public TimeSpan ResumeCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Connection string of the Azure Storage account that data specifications such as
    /// <c>csv:blob://container/file.csv</c> read from. Default: none, or the grain storage's account when the silo
    /// stores grains in Azure Blob (<c>--storage azure:...</c>). Kept out of the specification, which is persisted.</summary>
    public string? DataConnection { get; set; }

    /// <summary>Where copies of blob data are kept, one folder per blob version. Default: idl-data-cache in the temp folder.</summary>
    public string DataCacheDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "idl-data-cache");
}

/// <summary>Fails silo start with a message naming the option.</summary>
public sealed class TrainingClusterOptionsValidator(IOptions<TrainingClusterOptions> options) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        var o = options.Value;
        if (o.MaxPayloadBytes < 1024) throw Bad(nameof(o.MaxPayloadBytes), o.MaxPayloadBytes, "must be at least 1024");
        if (o.ChunkBytes is < 1024 or > 64 << 20) throw Bad(nameof(o.ChunkBytes), o.ChunkBytes, "must be between 1024 and 67108864 (64 MiB)");
        if (o.AggregationFanIn < 2) throw Bad(nameof(o.AggregationFanIn), o.AggregationFanIn, "must be at least 2");
        if (o.ProjectionThreads < 0) throw Bad(nameof(o.ProjectionThreads), o.ProjectionThreads, "must be 0 (one per core) or more");
        if (o.ShardCallTimeout <= TimeSpan.Zero) throw Bad(nameof(o.ShardCallTimeout), o.ShardCallTimeout, "must be positive");
        if (o.MaxStepAttempts < 1) throw Bad(nameof(o.MaxStepAttempts), o.MaxStepAttempts, "must be at least 1");
        if (o.MaxCheckpointFailures < 1) throw Bad(nameof(o.MaxCheckpointFailures), o.MaxCheckpointFailures, "must be at least 1");
        if (o.RetryDelay < TimeSpan.Zero) throw Bad(nameof(o.RetryDelay), o.RetryDelay, "must not be negative");
        if (o.ResumeCheckPeriod < TimeSpan.FromSeconds(1)) throw Bad(nameof(o.ResumeCheckPeriod), o.ResumeCheckPeriod, "must be at least 1 s");
    }

    private static OrleansConfigurationException Bad(string name, object value, string rule) =>
        new($"{nameof(TrainingClusterOptions)}.{name} = {value} {rule}.");
}
