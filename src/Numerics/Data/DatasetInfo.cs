namespace Idl.Numerics.Data;

/// <summary>A catalogue entry describing a data source (for listings such as <c>idl datasets</c>).</summary>
/// <param name="Name">The specification to pass to <see cref="DataSource.Load"/> (e.g. "digits", "synthetic:sine").</param>
/// <param name="Description">One line on what it is.</param>
/// <param name="Task">Classification or regression (generators may offer both; this is the default).</param>
/// <param name="Samples">Sample counts in words, e.g. "3,823 train + 1,797 test".</param>
/// <param name="Features">Input size p (defaults for generators).</param>
/// <param name="Outputs">Output size q: the class count, or the target width.</param>
/// <param name="Licence">Licence and attribution.</param>
public sealed record DatasetInfo(
    string Name, string Description, DataTask Task, string Samples, int Features, int Outputs, string Licence);
