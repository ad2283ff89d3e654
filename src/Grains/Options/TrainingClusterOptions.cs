using Microsoft.Extensions.Options;

namespace Idl.Grains.Options;

/// <summary>Limits and timings of distributed training on a silo; every default is stated here.</summary>
public sealed class TrainingClusterOptions
{
    /// <summary>Largest parameter or gradient message a grain sends, in bytes. Default 64 MiB (Orleans' own body
    /// limit is 100 MiB, and an oversized message surfaces only as a 30 s timeout).</summary>
    public long MaxPayloadBytes { get; set; } = 64L << 20;

    /// <summary>Longest a coordinator waits for one shard call. Default 5 minutes.</summary>
    public TimeSpan ShardCallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Consecutive failed attempts at one step before the run is marked failed. Default 30.</summary>
    public int MaxStepAttempts { get; set; } = 30;

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
        if (o.ShardCallTimeout <= TimeSpan.Zero) throw Bad(nameof(o.ShardCallTimeout), o.ShardCallTimeout, "must be positive");
        if (o.MaxStepAttempts < 1) throw Bad(nameof(o.MaxStepAttempts), o.MaxStepAttempts, "must be at least 1");
        if (o.RetryDelay < TimeSpan.Zero) throw Bad(nameof(o.RetryDelay), o.RetryDelay, "must not be negative");
        if (o.ResumeCheckPeriod < TimeSpan.FromSeconds(1)) throw Bad(nameof(o.ResumeCheckPeriod), o.ResumeCheckPeriod, "must be at least 1 s");
    }

    private static OrleansConfigurationException Bad(string name, object value, string rule) =>
        new($"{nameof(TrainingClusterOptions)}.{name} = {value} {rule}.");
}
