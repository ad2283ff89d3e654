using System.Globalization;

namespace Idl.Numerics.Data;

/// <summary>
/// Bad data in a file or stream: the message names the file, the 1-based line (text formats) or the byte offset
/// (binary formats) where one applies, and the problem.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception; the message is built from the parts.</summary>
    /// <param name="source">The file path (or resource name) being read.</param>
    /// <param name="line">1-based line number, when the problem is on one line of a text file.</param>
    /// <param name="byteOffset">Byte offset in the (decompressed) content, for binary formats.</param>
    /// <param name="problem">What is wrong, in words.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public DataFormatException(string source, long? line, long? byteOffset, string problem, Exception? inner = null)
        : base(Compose(source, line, byteOffset, problem), inner)
    {
        FilePath = source;
        Line = line;
        ByteOffset = byteOffset;
        Problem = problem;
    }

    /// <summary>The file path or resource name.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number, if the problem is tied to a line.</summary>
    public long? Line { get; }

    /// <summary>Byte offset in the decompressed content, if the problem is tied to one.</summary>
    public long? ByteOffset { get; }

    /// <summary>The problem, without the location prefix.</summary>
    public string Problem { get; }

    internal static DataFormatException AtLine(string source, long line, string problem) => new(source, line, null, problem);

    internal static DataFormatException AtOffset(string source, long offset, string problem) => new(source, null, offset, problem);

    internal static DataFormatException InFile(string source, string problem) => new(source, null, null, problem);

    private static string Compose(string source, long? line, long? offset, string problem)
    {
        var where = line is { } l ? string.Create(CultureInfo.InvariantCulture, $", line {l}")
            : offset is { } o ? string.Create(CultureInfo.InvariantCulture, $", byte offset {o}")
            : "";
        return $"{source}{where}: {problem}";
    }
}
