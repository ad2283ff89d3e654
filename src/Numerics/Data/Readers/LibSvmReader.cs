using System.Globalization;

namespace Idl.Numerics.Data;

/// <summary>
/// Reads the sparse LibSVM text format into a dense <see cref="Dataset"/>: one sample per line,
/// <c>label index:value ...</c> with 1-based feature indices; missing features are zero; text after '#' is a comment.
/// </summary>
/// <remarks>Only the requested range is kept. Lines outside it are skipped unparsed unless p or K has to be
/// inferred, in which case they are parsed (and validated) but not stored, so every shard infers the same sizes.</remarks>
public static class LibSvmReader
{
    /// <summary>Reads samples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    /// <exception cref="DataFormatException">A malformed pair, index &lt; 1 or &gt; p, a repeated index, a non-numeric
    /// or non-finite value, a bad label, no samples, or a range beyond the end; the message names the file and line.</exception>
    public static Dataset Read(string path, LibSvmOptions? options = null, int start = 0, int? count = null)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path, options, start, count);
    }

    /// <summary>Reads from an open text source; <paramref name="source"/> names it in errors.</summary>
    public static Dataset Read(TextReader reader, string source, LibSvmOptions? options = null, int start = 0, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        options ??= new LibSvmOptions();
        if (options.FeatureCount is <= 0) throw new ArgumentOutOfRangeException(nameof(options), "FeatureCount must be positive.");
        bool classify = options.Task == DataTask.Classification;
        bool scanAll = options.FeatureCount is null || (classify && options.ClassCount is null);
        long end = count is { } c ? (long)start + c : long.MaxValue;

        var rowsKept = new List<(int Index, float Value)[]>();
        var labels = new List<int>();
        var targets = new List<float>();
        long rows = 0;
        int maxIndex = 0, maxLabel = -1;
        long maxIndexLine = 0;
        foreach (var (line, raw) in NumberedLines.Read(reader))
        {
            int hash = raw.IndexOf('#');
            var tokens = (hash >= 0 ? raw[..hash] : raw).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) continue;
            long row = rows++;
            bool inRange = row >= start && row < end;
            if (!inRange && !scanAll)
            {
                if (row >= end) break;
                continue;
            }
            if (classify)
            {
                int label = CellParser.Label(source, line, tokens[0], options.ClassCount);
                maxLabel = Math.Max(maxLabel, label);
                if (inRange) labels.Add(label);
            }
            else if (inRange) targets.Add(CellParser.Value(source, line, "target", tokens[0]));
            var pairs = ParsePairs(source, line, tokens, options.FeatureCount);
            foreach (var (index, _) in pairs)
                if (index > maxIndex) (maxIndex, maxIndexLine) = (index, line);
            if (inRange) rowsKept.Add(pairs);
        }
        if (rows == 0) throw DataFormatException.InFile(source, "the file has no samples (empty data set).");
        int take = SampleRange.Resolve(source, start, count, rows, "samples");
        int p = options.FeatureCount ?? maxIndex;
        if (p == 0) throw DataFormatException.InFile(source, "no feature index appears in the file, so the feature count is 0; give it explicitly.");
        // The rows are stored dense: a stray huge index would otherwise overflow or exhaust memory in the allocation.
        long cells = (long)take * p;
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        string? problem = cells > Array.MaxLength
            ? Dataset.Invariant($"{take} dense rows of {p} features are {cells} values, more than one array can hold ({Array.MaxLength}).")
            : cells * (double)sizeof(float) > available
                ? Dataset.Invariant($"{take} dense rows of {p} features need {cells * (double)sizeof(float) / (1 << 30):F1} GiB, more than the {available / (double)(1 << 30):F1} GiB of memory available.")
                : null;
        if (problem is not null)
            throw options.FeatureCount is null
                ? DataFormatException.AtLine(source, maxIndexLine, Dataset.Invariant($"feature index {maxIndex}: ") + problem)
                : DataFormatException.InFile(source, problem);
        var inputs = new float[cells];
        for (int r = 0; r < take; r++)
            foreach (var (index, value) in rowsKept[r]) inputs[(long)r * p + index - 1] = value;
        string name = options.Name ?? Path.GetFileName(source);
        string description = Dataset.Invariant($"{Path.GetFileName(source)} (LibSVM), samples {start}..{start + take - 1}");
        return classify
            ? Dataset.ForClassification(name, inputs, p, [.. labels], options.ClassCount ?? maxLabel + 1, description: description)
            : Dataset.ForRegression(name, inputs, p, [.. targets], 1, description: description);
    }

    private static (int Index, float Value)[] ParsePairs(string source, long line, string[] tokens, int? featureCount)
    {
        var pairs = new (int, float)[tokens.Length - 1];
        var seen = new HashSet<int>();
        for (int t = 1; t < tokens.Length; t++)
        {
            string token = tokens[t];
            int colon = token.IndexOf(':');
            if (colon <= 0 || !int.TryParse(token.AsSpan(0, colon), NumberStyles.Integer, CultureInfo.InvariantCulture, out int index))
                throw DataFormatException.AtLine(source, line, $"'{token}' is not an index:value pair with an integer index.");
            if (index < 1)
                throw DataFormatException.AtLine(source, line, Dataset.Invariant($"feature index {index} is below 1 (LibSVM indices are 1-based)."));
            if (featureCount is { } p && index > p)
                throw DataFormatException.AtLine(source, line, Dataset.Invariant($"feature index {index} exceeds the feature count {p}."));
            if (!seen.Add(index))
                throw DataFormatException.AtLine(source, line, Dataset.Invariant($"feature index {index} appears more than once."));
            pairs[t - 1] = (index, CellParser.Value(source, line, Dataset.Invariant($"value of feature {index}"), token.AsSpan(colon + 1)));
        }
        return pairs;
    }
}
