using System.Collections.Concurrent;
using System.Diagnostics;

namespace Idl.ClusterBench;

/// <summary>Sums the durations of finished spans per (source, name) from an in-process <see cref="ActivityListener"/>.</summary>
internal sealed class SpanTotals : IDisposable
{
    private readonly ConcurrentDictionary<string, (int Count, double Seconds)> _totals = new();
    private readonly ActivityListener _listener;

    public SpanTotals(params string[] sources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => sources.Contains(s.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _totals.AddOrUpdate(Key(a), (1, a.Duration.TotalSeconds),
                (_, t) => (t.Count + 1, t.Seconds + a.Duration.TotalSeconds)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Totals so far, keyed "source/name[/kind]" (the kind only for client and server spans of grain calls).</summary>
    public IReadOnlyDictionary<string, (int Count, double Seconds)> Snapshot() => new Dictionary<string, (int, double)>(_totals);

    public void Dispose() => _listener.Dispose();

    private static string Key(Activity a) =>
        a.Kind is ActivityKind.Client or ActivityKind.Server ? $"{a.Source.Name}/{a.DisplayName}/{a.Kind.ToString().ToLowerInvariant()}" : $"{a.Source.Name}/{a.DisplayName}";
}
