using System.Diagnostics;
using System.Globalization;

namespace Idl.Client.Output;

/// <summary>
/// A one-line progress bar on stderr, redrawn at most ten times a second. When stderr is redirected (CI, logs)
/// it prints only at each quarter so that logs stay short.
/// </summary>
public sealed class ProgressBar(TextWriter writer, string label, int total)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _interactive = !Console.IsErrorRedirected && ReferenceEquals(writer, Console.Error);
    private long _lastDraw = -1000;
    private int _lastQuarter;

    /// <summary>Reports that <paramref name="done"/> of the units are complete.</summary>
    public void Update(int done, string? detail = null)
    {
        if (total <= 0) return;
        if (_interactive)
        {
            long now = _clock.ElapsedMilliseconds;
            if (now - _lastDraw < 100 && done < total) return;
            _lastDraw = now;
            int width = 30, filled = (int)((long)width * done / total);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{label} [{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} {detail}   "));
            if (done >= total) writer.WriteLine();
            return;
        }
        int quarter = (int)(4L * done / total);
        if (quarter > _lastQuarter)
        {
            _lastQuarter = quarter;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {done}/{total} {detail}"));
        }
    }
}
