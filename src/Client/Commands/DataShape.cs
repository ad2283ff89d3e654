namespace Idl.Client.Commands;

/// <summary>
/// What a data source will hold, known before it is loaded: the built-in sets by name, MNIST by its fixed format, a
/// CSV file from its first line and its size. Null where only loading would tell (a LibSVM file's feature count, a
/// CSV's class count). Used only to estimate memory, so a guess may be rough but never reads the whole file.
/// </summary>
/// <param name="Samples">Training samples (after --limit).</param>
/// <param name="TestSamples">Samples of the test part loaded beside them.</param>
internal sealed record DataShape(long? Samples, int? Features, int? Outputs, long TestSamples)
{
    private static readonly DataShape Unknown = new(null, null, null, 0);

    /// <summary>The shape of <paramref name="spec"/>, or one of unknown sizes when it cannot be told cheaply (the
    /// loader reports a missing or unreadable file itself).</summary>
    public static DataShape Peek(string spec, int? limit)
    {
        int colon = spec.IndexOf(':');
        string scheme = (colon < 0 ? spec : spec[..colon]).Trim().ToLowerInvariant();
        string path = colon < 0 ? "" : spec[(colon + 1)..].Trim();
        var shape = scheme switch
        {
            "digits" => new DataShape(3823, 64, 10, 1797),
            "mnist" => new DataShape(60000, 784, 10, 10000),
            "csv" => Head(path) is { } csv ? Csv(csv.Line, csv.Rows) : Unknown,
            "libsvm" => Head(path) is { } libsvm ? Unknown with { Samples = libsvm.Rows } : Unknown,
            _ => Unknown,
        };
        return shape.Samples is { } s && limit is { } l && l < s ? shape with { Samples = l } : shape;
    }

    // Columns from the first line, one of them the target.
    private static DataShape Csv(string line, long rows)
    {
        char delimiter = line.Contains(',') ? ',' : line.Contains(';') ? ';' : line.Contains('\t') ? '\t' : ' ';
        int columns = line.Split(delimiter, StringSplitOptions.RemoveEmptyEntries).Length;
        return new DataShape(rows, Math.Max(1, columns - 1), null, 0);
    }

    // The first line (read up to 1 MiB) and the rows the file would hold at that line's length.
    private static (string Line, long Rows)? Head(string path)
    {
        try
        {
            if (path.Length == 0 || path.Contains("://", StringComparison.Ordinal) || new FileInfo(path) is not { Exists: true } file) return null;
            using var reader = new StreamReader(file.FullName);
            var buffer = new char[1 << 20];
            int read = reader.ReadBlock(buffer, 0, buffer.Length);
            int end = Array.IndexOf(buffer, '\n', 0, read);
            string line = new string(buffer, 0, end < 0 ? read : end).TrimEnd('\r');
            return (line, Math.Max(1, file.Length / (line.Length + 1)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
