using System.Globalization;
using System.Text;
using Idl.Grains.Contracts;

namespace Idl.Grains.Sweeps;

/// <summary>A sweep's results table: trials ranked best first by their metric (lower is better), trials without a
/// metric last, ties by trial index; exported as CSV.</summary>
public static class SweepTable
{
    /// <summary>The CSV header.</summary>
    public const string Header = "rank,trial_id,kappa,hidden,lr,seed,status,epochs,metric,test_accuracy,seconds,retries,reason,run_epochs";

    /// <summary>The trials best first.</summary>
    public static IReadOnlyList<TrialResult> Rank(IEnumerable<TrialResult> trials) => trials
        .OrderBy(t => t.Metric is { } m && double.IsFinite(m) ? 0 : 1)
        .ThenBy(t => t.Metric is { } m && double.IsFinite(m) ? m : 0)
        .ThenBy(t => t.Config.Index)
        .ToArray();

    /// <summary>The ranked table as CSV (invariant culture, round-trip doubles, RFC 4180 quoting).</summary>
    public static string ToCsv(IEnumerable<TrialResult> trials)
    {
        var csv = new StringBuilder().Append(Header).Append('\n');
        int rank = 0;
        foreach (var t in Rank(trials))
        {
            var c = t.Config;
            csv.Append(string.Join(',',
                (++rank).ToString(CultureInfo.InvariantCulture), Quote(t.TrialId), R(c.Kappa), c.Hidden.ToString(CultureInfo.InvariantCulture),
                R(c.LearningRate), c.Seed.ToString(CultureInfo.InvariantCulture), Status(t.State), t.Epochs.ToString(CultureInfo.InvariantCulture),
                t.Metric is { } m ? R(m) : "", t.TestAccuracy is { } a ? R(a) : "", t.Seconds.ToString("F3", CultureInfo.InvariantCulture),
                t.Retries.ToString(CultureInfo.InvariantCulture), Quote(t.Reason ?? ""),
                t.RunEpochs?.ToString(CultureInfo.InvariantCulture) ?? "")).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>The status word of the CLI and the table: completed, stopped, failed, completed_before_stop, running
    /// or pending.</summary>
    public static string Status(TrialState state) => state == TrialState.CompletedBeforeStop ? "completed_before_stop" : state.ToString().ToLowerInvariant();

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
