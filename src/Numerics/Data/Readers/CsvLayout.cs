using System.Globalization;

namespace Idl.Numerics.Data;

/// <summary>The shape of a delimited file, worked out from its first non-blank line.</summary>
internal sealed class CsvLayout
{
    private CsvLayout(char delimiter, string[]? header, int columns, int target)
    {
        Delimiter = delimiter;
        Header = header;
        Columns = columns;
        TargetColumn = target;
    }

    /// <summary>The separator; ' ' means runs of whitespace.</summary>
    public char Delimiter { get; }

    /// <summary>The header cells, or null when the first line is data.</summary>
    public string[]? Header { get; }

    public int Columns { get; }

    public int TargetColumn { get; }

    public static CsvLayout Detect(string source, long line, string firstLine, CsvOptions options)
    {
        char delimiter = options.Delimiter ?? DetectDelimiter(firstLine);
        var cells = Split(firstLine, delimiter);
        bool header = options.HasHeader ?? LooksLikeHeader(cells, options.Target);
        string[]? names = header ? cells.Select(c => CellParser.Unquote(c).ToString()).ToArray() : null;
        if (cells.Length < 2)
            throw DataFormatException.AtLine(source, line, Dataset.Invariant(
                $"found {cells.Length} column with delimiter {Describe(delimiter)}; need at least one feature and a target."));
        int target = ResolveTarget(source, options.Target, names, cells.Length);
        return new CsvLayout(delimiter, names, cells.Length, target);
    }

    // Text in the target column may be a class label ("grey soil"), so a header is recognised by its feature cells;
    // a target given by name needs a header anyway.
    private static bool LooksLikeHeader(string[] cells, string? target)
    {
        int t = cells.Length - 1;
        if (target is not null)
        {
            if (!int.TryParse(target, NumberStyles.Integer, CultureInfo.InvariantCulture, out int index)) return true;
            t = index < 0 ? cells.Length + index : index;
        }
        return cells.Where((_, j) => j != t).Any(c => !CellParser.IsNumber(c));
    }

    public static string[] Split(string line, char delimiter) =>
        delimiter == ' ' ? line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : line.Split(delimiter);

    public static string Describe(char delimiter) => delimiter switch
    {
        ' ' => "whitespace",
        '\t' => "tab",
        _ => $"'{delimiter}'",
    };

    private static char DetectDelimiter(string line) =>
        line.Contains('\t') ? '\t' : line.Contains(';') ? ';' : line.Contains(',') ? ',' : ' ';

    private static int ResolveTarget(string source, string? target, string[]? names, int columns)
    {
        if (target is null) return columns - 1;
        if (int.TryParse(target, NumberStyles.Integer, CultureInfo.InvariantCulture, out int index))
        {
            int resolved = index < 0 ? columns + index : index;
            if (resolved < 0 || resolved >= columns)
                throw DataFormatException.InFile(source, Dataset.Invariant(
                    $"target column index {index} is outside the {columns} columns (0..{columns - 1}, or -1 for the last)."));
            return resolved;
        }
        if (names is null)
            throw DataFormatException.InFile(source, $"target '{target}' is not a column index and the file has no header.");
        int byName = Array.IndexOf(names, target);
        if (byName < 0) byName = Array.FindIndex(names, n => string.Equals(n, target, StringComparison.OrdinalIgnoreCase));
        if (byName < 0)
            throw DataFormatException.InFile(source, $"target column '{target}' is not in the header ({string.Join(", ", names)}).");
        return byName;
    }
}
