using System.Globalization;

namespace Idl.Numerics.Data;

/// <summary>Parses one numeric cell of a text file, turning every failure into a located <see cref="DataFormatException"/>.</summary>
internal static class CellParser
{
    private const NumberStyles Style = NumberStyles.Float;

    /// <summary>A finite float32 feature or target value.</summary>
    public static float Value(string source, long line, string what, ReadOnlySpan<char> text)
    {
        text = Unquote(text);
        if (!double.TryParse(text, Style, CultureInfo.InvariantCulture, out double v))
            throw DataFormatException.AtLine(source, line, $"{what} '{text}' is not a number.");
        float f = (float)v;
        // Checked after narrowing too: a finite double such as 1e300 would become +∞ in float32 storage.
        if (!double.IsFinite(v) || !float.IsFinite(f))
            throw DataFormatException.AtLine(source, line, $"{what} '{text}' is not finite (NaN, infinity or beyond float32 range).");
        return f;
    }

    /// <summary>A class label: an integer in [0, classCount) (or any non-negative integer if the count is not given).</summary>
    public static int Label(string source, long line, ReadOnlySpan<char> text, int? classCount)
    {
        text = Unquote(text);
        if (!double.TryParse(text, Style, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw DataFormatException.AtLine(source, line, $"label '{text}' is not a number.");
        if (v != Math.Floor(v))
            throw DataFormatException.AtLine(source, line,
                $"label '{text}' is not an integer; class labels must be 0..K-1 (use the regression task for real-valued targets).");
        if (v < 0)
            throw DataFormatException.AtLine(source, line, $"label '{text}' is negative; class labels must be 0..K-1.");
        if (classCount is { } k && v >= k)
            throw DataFormatException.AtLine(source, line, Dataset.Invariant($"label '{text.ToString()}' is not below the class count {k}."));
        if (v > int.MaxValue - 1)
            throw DataFormatException.AtLine(source, line, $"label '{text}' is too large.");
        return (int)v;
    }

    /// <summary>True if the cell parses as a number (used for header detection).</summary>
    public static bool IsNumber(ReadOnlySpan<char> text) =>
        double.TryParse(Unquote(text), Style, CultureInfo.InvariantCulture, out _);

    public static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') text = text[1..^1].Trim();
        return text;
    }
}
