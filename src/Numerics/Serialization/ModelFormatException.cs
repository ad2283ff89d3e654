namespace Idl.Numerics.Serialization;

/// <summary>A model file is damaged, truncated, of another format, or from a newer format version.</summary>
public sealed class ModelFormatException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The file.</summary>
    public string FilePath { get; } = path;

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; } = problem;
}
