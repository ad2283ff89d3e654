using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Idl.Client.Output;

/// <summary>
/// The one output channel of every command: data (JSON lines with <c>--json</c>, else human text) to stdout,
/// messages and progress to stderr.
/// </summary>
public sealed class CliOutput(TextWriter stdout, TextWriter stderr, bool json)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Whether data is written as JSON lines.</summary>
    public bool Json { get; } = json;

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>Writes one JSON object on its own line to stdout.</summary>
    public void WriteObject(JsonObject value)
    {
        Out.WriteLine(value.ToJsonString(Compact));
        Out.Flush();
    }

    /// <summary>Writes a human-readable line to stderr.</summary>
    public void Info(FormattableString message) => Error.WriteLine(message.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a human-readable result line: to stdout without <c>--json</c>, else to stderr.</summary>
    public void Result(FormattableString message) => (Json ? Error : Out).WriteLine(message.ToString(CultureInfo.InvariantCulture));

    /// <summary>A progress bar on stderr for a task of <paramref name="total"/> units.</summary>
    public ProgressBar Progress(string label, int total) => new(Error, label, total);
}
