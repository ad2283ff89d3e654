namespace Idl.Numerics.Data;

/// <summary>
/// Reads a delimited text file of numbers (one sample per line, one column the target) into a <see cref="Dataset"/>.
/// </summary>
/// <remarks>
/// Lines are streamed; only the requested range of data rows is parsed in full and kept. Rows outside the range
/// are skipped unparsed, except that their label is read when the class count has to be inferred (so every shard
/// of a file infers the same K). Blank lines are ignored but counted, so line numbers in errors match an editor.
/// </remarks>
public static class CsvReader
{
    /// <summary>An inferred class count above this is taken as a sign that the target is really real-valued.</summary>
    public const int MaxInferredClasses = 1000;

    /// <summary>Reads data rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of a file.</summary>
    /// <param name="count">Rows to load; null means to the end.</param>
    /// <exception cref="DataFormatException">Ragged rows, non-numeric or non-finite cells, labels out of range or not
    /// integers, an unknown target column, no data rows, or a range beyond the end; the message names the file and line.</exception>
    public static Dataset Read(string path, CsvOptions? options = null, int start = 0, int? count = null)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path, options, start, count);
    }

    /// <summary>Reads from an open text source; <paramref name="source"/> names it in errors.</summary>
    public static Dataset Read(TextReader reader, string source, CsvOptions? options = null, int start = 0, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        options ??= new CsvOptions();
        bool classify = options.Task == DataTask.Classification;
        // Labels are read on every row so that text labels map to the same classes in every shard of a file.
        bool scanAll = classify;
        long end = count is { } c ? (long)start + c : long.MaxValue;

        CsvLayout? layout = null;
        var inputs = new List<float>();
        var labelCells = new List<(string Text, long Line)>();
        var labelNames = new ClassLabels(source, options.ClassCount);
        var targets = new List<float>();
        long rows = 0;
        foreach (var (line, text) in NumberedLines.Read(reader))
        {
            if (layout is null)
            {
                layout = CsvLayout.Detect(source, line, text, options);
                if (layout.Header is not null) continue;
            }
            long row = rows++;
            bool inRange = row >= start && row < end;
            if (!inRange && !scanAll)
            {
                if (row >= end) break;
                continue;
            }
            var cells = CsvLayout.Split(text, layout.Delimiter);
            if (cells.Length != layout.Columns)
                throw DataFormatException.AtLine(source, line, Dataset.Invariant(
                    $"row has {cells.Length} cells but {(layout.Header is null ? "the first row" : "the header")} has {layout.Columns} (delimiter {CsvLayout.Describe(layout.Delimiter)})."));
            if (classify)
            {
                string label = CellParser.Unquote(cells[layout.TargetColumn]).ToString();
                labelNames.Add(label, line);
                if (inRange) labelCells.Add((label, line));
            }
            if (!inRange) continue;
            if (!classify) targets.Add(CellParser.Value(source, line, "target", cells[layout.TargetColumn]));
            for (int j = 0; j < cells.Length; j++)
                if (j != layout.TargetColumn)
                    inputs.Add(CellParser.Value(source, line, Dataset.Invariant($"column {j + 1}"), cells[j]) * options.FeatureScale);
        }
        if (rows == 0) throw DataFormatException.InFile(source, "the file has no data rows (empty data set).");
        int take = SampleRange.Resolve(source, start, count, rows, "rows");
        return Build(source, options, layout!, inputs, labelCells, labelNames, targets, take, start);
    }

    private static Dataset Build(string source, CsvOptions options, CsvLayout layout, List<float> inputs,
        List<(string Text, long Line)> labelCells, ClassLabels classes, List<float> targets, int take, int start)
    {
        int p = layout.Columns - 1;
        var names = layout.Header?.Where((_, j) => j != layout.TargetColumn).ToArray();
        string name = options.Name ?? Path.GetFileName(source);
        string description = Dataset.Invariant($"{Path.GetFileName(source)}, rows {start}..{start + take - 1}, target column {layout.TargetColumn + 1}");
        if (options.Task == DataTask.Regression)
            return Dataset.ForRegression(name, [.. inputs], p, [.. targets], 1, names, description);
        var (k, classNames) = classes.Resolve(MaxInferredClasses);
        var labels = labelCells.Select(c => classes.Index(c.Text, c.Line)).ToArray();
        var set = Dataset.ForClassification(name, [.. inputs], p, labels, k, names, description);
        return classNames is null ? set : set.WithClassNames(classNames);
    }
}
