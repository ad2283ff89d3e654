namespace Idl.Numerics.Data;

/// <summary>How to read a LibSVM/SVMlight file (<c>label index:value index:value ...</c>, 1-based indices).</summary>
public sealed record LibSvmOptions
{
    /// <summary>Number of features p; null infers the largest index in the whole file.</summary>
    public int? FeatureCount { get; init; }

    /// <summary>Classification (integer labels 0..K−1) or regression. Default classification.</summary>
    public DataTask Task { get; init; } = DataTask.Classification;

    /// <summary>The class count K; null infers max label + 1 from the whole file.</summary>
    public int? ClassCount { get; init; }

    /// <summary>Data set name; null uses the file name.</summary>
    public string? Name { get; init; }
}
