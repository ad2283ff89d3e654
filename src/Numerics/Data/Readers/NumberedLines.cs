namespace Idl.Numerics.Data;

/// <summary>Streams the non-blank lines of a text source with their 1-based line numbers, one line in memory at a time.</summary>
internal static class NumberedLines
{
    public static IEnumerable<(long Line, string Text)> Read(TextReader reader)
    {
        long number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text)) yield return (number, text);
        }
    }
}
