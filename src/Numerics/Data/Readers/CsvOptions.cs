namespace Idl.Numerics.Data;

/// <summary>How to read a delimited text file of numbers, one sample per line.</summary>
public sealed record CsvOptions
{
    /// <summary>Cell separator; null detects it from the first line (tab, then ';', then ',', else runs of
    /// whitespace). Use ' ' for runs of whitespace.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Whether the first line is a header; null means "yes if any of its cells is not a number".</summary>
    public bool? HasHeader { get; init; }

    /// <summary>The target column: a header name, or a 0-based index (negative counts from the end, −1 = last);
    /// null means the last column.</summary>
    public string? Target { get; init; }

    /// <summary>Classification (integer labels 0..K−1) or regression (real target). Default classification.</summary>
    public DataTask Task { get; init; } = DataTask.Classification;

    /// <summary>The class count K for classification; null infers max label + 1 from the whole file (so that
    /// shards reading different ranges agree).</summary>
    public int? ClassCount { get; init; }

    /// <summary>A factor applied to every feature after parsing (e.g. 1/16 for optdigits); default 1.</summary>
    public float FeatureScale { get; init; } = 1f;

    /// <summary>Data set name; null uses the file name.</summary>
    public string? Name { get; init; }
}
