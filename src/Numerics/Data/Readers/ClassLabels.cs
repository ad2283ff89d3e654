namespace Idl.Numerics.Data;

/// <summary>
/// The distinct label cells of a text file and how they become classes: integers 0..K−1 as they are, or, when any
/// label is not a number, names numbered in ordinal order (so every reader of the file, on any machine and in any
/// shard, assigns the same class to the same name).
/// </summary>
internal sealed class ClassLabels(string source, int? classCount)
{
    private readonly Dictionary<string, long> _firstLine = new(StringComparer.Ordinal);
    private Dictionary<string, int>? _index;
    private bool _text;
    private (string Label, long Line) _firstText;

    /// <summary>Records a label cell seen on <paramref name="line"/>.</summary>
    public void Add(string label, long line)
    {
        if (_firstLine.TryAdd(label, line) && !_text && !CellParser.IsNumber(label)) (_text, _firstText) = (true, (label, line));
    }

    /// <summary>The class count and, for text labels, the class names; validates every distinct label.</summary>
    /// <exception cref="DataFormatException">A numeric label is not a non-negative integer below the class count, or
    /// there are more classes than <paramref name="maxClasses"/> (a real-valued target read as classes).</exception>
    public (int ClassCount, string[]? Names) Resolve(int maxClasses)
    {
        if (_text)
        {
            var names = _firstLine.Keys.Order(StringComparer.Ordinal).ToArray();
            string why = $"label '{_firstText.Label}' is text, so every label is a class name";
            if (names.Length > maxClasses)
                throw DataFormatException.AtLine(source, _firstText.Line, Dataset.Invariant(
                    $"{why}, and the target column has {names.Length} distinct labels (more than {maxClasses}); is it the right column?"));
            if (classCount is { } given && given != names.Length)
                throw DataFormatException.AtLine(source, _firstText.Line, Dataset.Invariant($"{why}, and there are {names.Length} distinct labels but the class count is {given}."));
            _index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
            return (names.Length, names);
        }
        int maxLabel = -1;
        long maxLine = 0;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        // In line order, so that the first bad label in the file is the one reported.
        foreach (var (text, line) in _firstLine.OrderBy(kv => kv.Value))
        {
            int label = CellParser.Label(source, line, text, classCount);
            _index[text] = label;
            if (label > maxLabel) (maxLabel, maxLine) = (label, line);
        }
        int k = classCount ?? maxLabel + 1;
        if (k > maxClasses)
            throw DataFormatException.AtLine(source, maxLine, Dataset.Invariant(
                $"label {maxLabel} implies {k} classes (more than {maxClasses}); for a real-valued target use the regression task, or give the class count."));
        return (k, null);
    }

    /// <summary>The class of a label cell; call after <see cref="Resolve"/>.</summary>
    public int Index(string label, long line) => _index is not null && _index.TryGetValue(label, out int i) ? i
        : throw DataFormatException.AtLine(source, line, $"label '{label}' was not seen while reading the labels.");
}
