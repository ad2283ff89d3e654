namespace Idl.Numerics.Data;

/// <summary>Options that go with a data specification string; each scheme reads only its own part.</summary>
public sealed record DataSourceOptions
{
    /// <summary>For <c>csv:</c>: delimiter, header, target column, task, class count.</summary>
    public CsvOptions Csv { get; init; } = new();

    /// <summary>For <c>libsvm:</c>: feature count, task, class count.</summary>
    public LibSvmOptions LibSvm { get; init; } = new();

    /// <summary>For <c>synthetic:*</c>: samples, seed, sizes, task.</summary>
    public SyntheticOptions Synthetic { get; init; } = new();

    /// <summary>First training sample to load (a shard's slice); default 0.</summary>
    public int Start { get; init; }

    /// <summary>Training samples to load; null means to the end.</summary>
    public int? Count { get; init; }

    /// <summary>Whether to load the source's test part too (digits, MNIST, synthetic); default true.</summary>
    public bool LoadTest { get; init; } = true;
}
