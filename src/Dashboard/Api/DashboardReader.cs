using System.Text.RegularExpressions;
using Idl.Grains.Contracts;

namespace Idl.Dashboard.Api;

/// <summary>
/// What the dashboard shows, read from what the grains persist: the run registry, each run's status (per-epoch
/// curve) and history (per-step curve, markers, host), each sweep's table. Sweeps are found through their trials'
/// run ids ("{sweep}-t{index}"). Every call is bounded; an id the cluster has not seen reads as null (a 404).
/// </summary>
public sealed partial class DashboardReader(IGrainFactory grains)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Every run, oldest first.</summary>
    public async Task<IReadOnlyList<RunRow>> RunsAsync(CancellationToken cancellationToken)
    {
        var ids = await RunIdsAsync(cancellationToken);
        return await Task.WhenAll(ids.Select(async id => Row(id, await StatusAsync(id, cancellationToken), await HistoryAsync(id, cancellationToken))));
    }

    /// <summary>One run, or null when the cluster has no run with that id.</summary>
    public async Task<RunDetail?> RunAsync(string id, CancellationToken cancellationToken)
    {
        if (!(await RunIdsAsync(cancellationToken)).Contains(id)) return null;
        var (status, history) = (await StatusAsync(id, cancellationToken), await HistoryAsync(id, cancellationToken));
        return new RunDetail(Row(id, status, history), status, history);
    }

    /// <summary>Cancels or resumes a run; null when there is no such run.</summary>
    public async Task<RunStatus?> ActAsync(string id, bool cancel, CancellationToken cancellationToken)
    {
        if (!(await RunIdsAsync(cancellationToken)).Contains(id)) return null;
        var run = grains.GetGrain<ITrainingCoordinatorGrain>(id);
        return await (cancel ? run.CancelAsync() : run.ResumeAsync()).WaitAsync(CallTimeout, cancellationToken);
    }

    /// <summary>A run's model file: null when there is no such run, an empty array while it is not completed.</summary>
    public async Task<byte[]?> ModelFileAsync(string id, CancellationToken cancellationToken)
    {
        if (!(await RunIdsAsync(cancellationToken)).Contains(id)) return null;
        return await grains.GetGrain<IRunModelGrain>(id).ModelFileAsync().WaitAsync(CallTimeout, cancellationToken) ?? [];
    }

    /// <summary>Every sweep with at least one started trial.</summary>
    public async Task<IReadOnlyList<SweepRow>> SweepsAsync(CancellationToken cancellationToken)
    {
        var ids = SweepIds(await RunIdsAsync(cancellationToken));
        var statuses = await Task.WhenAll(ids.Select(id => grains.GetGrain<ISweepGrain>(id).StatusAsync().WaitAsync(CallTimeout, cancellationToken)));
        return [.. statuses.Where(s => s.State != SweepRunState.None).Select(SweepRowOf)];
    }

    /// <summary>One sweep with its trials' curves, or null when the cluster has no such sweep.</summary>
    public async Task<SweepDetail?> SweepAsync(string id, CancellationToken cancellationToken)
    {
        var runs = await RunIdsAsync(cancellationToken);
        if (!SweepIds(runs).Contains(id)) return null;
        var status = await grains.GetGrain<ISweepGrain>(id).StatusAsync().WaitAsync(CallTimeout, cancellationToken);
        if (status.State == SweepRunState.None) return null;
        var started = status.Trials.Where(t => runs.Contains(t.TrialId)).ToList();
        var curves = await Task.WhenAll(started.Select(async t => (t.TrialId, (await StatusAsync(t.TrialId, cancellationToken)).Epochs)));
        return new SweepDetail(SweepRowOf(status), status, curves.ToDictionary(c => c.TrialId, c => c.Epochs));
    }

    /// <summary>Cancels a sweep; null when there is no such sweep.</summary>
    public async Task<SweepStatus?> CancelSweepAsync(string id, CancellationToken cancellationToken)
    {
        if (!SweepIds(await RunIdsAsync(cancellationToken)).Contains(id)) return null;
        return await grains.GetGrain<ISweepGrain>(id).CancelAsync().WaitAsync(CallTimeout, cancellationToken);
    }

    private async Task<HashSet<string>> RunIdsAsync(CancellationToken cancellationToken) =>
        [.. await grains.GetGrain<IRunRegistryGrain>("default").ListAsync().WaitAsync(CallTimeout, cancellationToken)];

    private Task<RunStatus> StatusAsync(string id, CancellationToken cancellationToken) =>
        grains.GetGrain<ITrainingCoordinatorGrain>(id).StatusAsync().WaitAsync(CallTimeout, cancellationToken);

    private Task<RunHistory> HistoryAsync(string id, CancellationToken cancellationToken) =>
        grains.GetGrain<IRunHistoryGrain>(id).HistoryAsync().WaitAsync(CallTimeout, cancellationToken);

    private static string? SweepOf(string runId) => TrialId().Match(runId) is { Success: true } m ? m.Groups[1].Value : null;

    private static List<string> SweepIds(IEnumerable<string> runIds) => [.. runIds.Select(SweepOf).OfType<string>().Distinct()];

    private static RunRow Row(string id, RunStatus status, RunHistory history)
    {
        var spec = history.Spec;
        var (metric, best) = Best(status.Epochs);
        var started = history.StartedUtc;
        var end = status.IsFinished ? history.Steps.LastOrDefault()?.Utc ?? started : DateTime.UtcNow;
        return new RunRow(id, spec?.DataSpec ?? "", spec?.Hidden ?? 0, spec?.Kappa ?? 0, status.State.ToString(), status.Epoch, spec?.Epochs ?? 0,
            status.Step, status.TotalSteps, metric, best, started, started is { } s && end is { } e ? (e - s).TotalSeconds : null, history.Host,
            status.Restarts, SweepOf(id));
    }

    private static (string? Metric, double? Best) Best(IReadOnlyList<EpochSummary> epochs)
    {
        if (epochs.Any(e => e.TestAccuracy is not null)) return ("test accuracy", epochs.Max(e => e.TestAccuracy));
        if (epochs.Any(e => e.TestRmse is not null)) return ("test RMSE", epochs.Min(e => e.TestRmse));
        if (epochs.Any(e => e.TestLoss is not null)) return ("test loss", epochs.Min(e => e.TestLoss));
        return (null, null);
    }

    private static SweepRow SweepRowOf(SweepStatus s)
    {
        var metrics = s.Trials.Select(t => t.Metric).OfType<double>().ToList();
        return new SweepRow(s.SweepId, s.State.ToString(), s.Trials.Count, s.Trials.Count(t => t.IsFinished), s.Metric,
            metrics.Count == 0 ? null : metrics.Min(), s.WallSeconds);
    }

    [GeneratedRegex(@"^(.+)-t\d{3,}$")]
    private static partial Regex TrialId();
}
