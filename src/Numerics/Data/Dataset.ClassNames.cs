namespace Idl.Numerics.Data;

public sealed partial class Dataset
{
    /// <summary>The class names of a classification set whose labels were text (index = class), else null.</summary>
    public IReadOnlyList<string>? ClassNames { get; private init; }

    /// <summary>The same samples with class names attached; <paramref name="names"/> has one entry per class.</summary>
    /// <exception cref="ArgumentException">The set is not classification, or the name count is not K.</exception>
    public Dataset WithClassNames(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (Task != DataTask.Classification || names.Count != ClassCount)
            throw new ArgumentException(Invariant($"{names.Count} class names for a {Task} set with {ClassCount} classes."), nameof(names));
        return new Dataset(Name, Description, Task, _inputs, FeatureCount, _labels, _targets, OutputCount, FeatureNames) { ClassNames = names };
    }

    /// <summary>
    /// The same samples numbered by another list of class names (a model's), so that a file holding only some of
    /// the classes, and so numbering them differently on its own, is scored against the right outputs.
    /// </summary>
    /// <exception cref="DataFormatException">This set has no class names, or one of its names is not in <paramref name="names"/>.</exception>
    public Dataset ToClassNames(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (ClassNames is null)
            throw DataFormatException.InFile(Name, Invariant($"the labels are numbers, but the model was trained on text labels ({string.Join(", ", names.Take(5))}{(names.Count > 5 ? ", ..." : "")})."));
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var map = new int[ClassNames.Count];
        for (int c = 0; c < map.Length; c++)
            map[c] = index.TryGetValue(ClassNames[c], out int i) ? i
                : throw DataFormatException.InFile(Name, $"class '{ClassNames[c]}' is not one the model was trained on ({string.Join(", ", names)}).");
        var labels = _labels!.Select(l => map[l]).ToArray();
        return new Dataset(Name, Description, Task, _inputs, FeatureCount, labels, null, names.Count, FeatureNames) { ClassNames = names };
    }
}
