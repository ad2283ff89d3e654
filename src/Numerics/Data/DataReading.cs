namespace Idl.Numerics.Data;

/// <summary>
/// How to read a data specification beyond its string: the CSV target column, the task of a CSV, LibSVM or synthetic
/// source, and the size of a synthetic set (<c>--target</c>, <c>--task</c>, <c>--samples</c>). The single process and
/// every shard build their <see cref="DataSourceOptions"/> from it, so both read the same samples the same way.
/// </summary>
/// <param name="Target">CSV target column (name or 0-based index), or null for the last.</param>
/// <param name="Task">The task, or null for the source's own (CSV and LibSVM: classification).</param>
/// <param name="SyntheticSamples">Training samples to generate for synthetic data, or null for the generator's default.</param>
public sealed record DataReading(string? Target = null, DataTask? Task = null, int? SyntheticSamples = null)
{
    /// <summary>The options to load samples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>)
    /// with <paramref name="seed"/> driving synthetic generators.</summary>
    public DataSourceOptions ToOptions(int seed, int start = 0, int? count = null, bool loadTest = true) => new()
    {
        Start = start,
        Count = count,
        LoadTest = loadTest,
        Csv = new CsvOptions { Target = Target, Task = Task ?? DataTask.Classification },
        LibSvm = new LibSvmOptions { Task = Task ?? DataTask.Classification },
        Synthetic = Task is { } t
            ? new SyntheticOptions { Seed = seed, Samples = SyntheticSamples, Task = t }
            : new SyntheticOptions { Seed = seed, Samples = SyntheticSamples },
    };
}
