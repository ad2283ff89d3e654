using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Grains.Contracts;
using Idl.Grains.Options;
using Idl.Grains.Sweeps;

namespace Idl.Client.Commands;

/// <summary>Starts a sweep on Orleans, reports trials as they finish and prints the ranked table (and CSV).</summary>
internal sealed class SweepJob(SweepSpec spec, string sweepId, string? csvPath, CliOutput output)
{
    public async Task<int> RunAsync(ClusterClientOptions? cluster, TelemetryOptions telemetry, string? dataConnection, CancellationToken cancellationToken,
        Idl.Dashboard.Options.DashboardOptions? dashboard = null)
    {
        await using var connection = await OrleansConnection.OpenAsync(cluster, telemetry, cancellationToken, dataConnection, dashboard);
        if (connection.DashboardUrl is { } url) output.Info($"dashboard: {url}");
        var sweep = connection.Grains.GetGrain<ISweepGrain>(sweepId);
        var status = await UsageException.FromSpecAsync(() => sweep.StartAsync(spec, cancellationToken).WaitAsync(TimeSpan.FromMinutes(2), cancellationToken));
        output.Info($"sweep {sweepId}: {status.Trials.Count} trials, {spec.Concurrency} at once, scheduler {spec.Scheduler}, {connection.Silos} silo(s)");
        var reported = new HashSet<string>();
        var calls = new ClusterCalls(output);
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await sweep.CancelAsync().WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
            }
            status = await calls.CallAsync(() => sweep.StatusAsync(), $"sweep {sweepId}", cancellationToken);
            foreach (var t in status.Trials.Where(t => t.IsFinished && reported.Add(t.TrialId))) Report(t, status.Metric);
            if (status.IsFinished) break;
            await Task.Delay(100, CancellationToken.None);
        }
        var ranked = SweepTable.Rank(status.Trials);
        if (csvPath is not null) WriteCsv(csvPath, status.Trials);
        double sumTrials = status.Trials.Sum(t => t.Seconds);
        if (output.Json)
        {
            var table = new JsonArray();
            int rank = 0;
            foreach (var t in ranked) table.Add(Row(t, status.Metric, ++rank));
            output.WriteObject(new JsonObject
            {
                ["final"] = true, ["sweep_id"] = sweepId, ["trials"] = status.Trials.Count, ["metric"] = status.Metric, ["silos"] = connection.Silos,
                ["completed"] = Count(status, TrialState.Completed), ["stopped"] = Count(status, TrialState.Stopped), ["failed"] = Count(status, TrialState.Failed),
                ["completed_before_stop"] = Count(status, TrialState.CompletedBeforeStop),
                ["wall_seconds"] = Math.Round(status.WallSeconds, 3), ["sum_trial_seconds"] = Math.Round(sumTrials, 3), ["table"] = table,
            });
        }
        else
        {
            output.Out.Write(SweepTable.ToCsv(status.Trials));
            output.Out.Flush();
        }
        if (status.Trials.All(t => t.State == TrialState.Failed))
        {
            // Nothing trained: almost always data or settings every trial shares; the table above has every reason.
            output.Info($"error: every trial of sweep {sweepId} failed; {ranked[0].TrialId}: {ranked[0].Reason}");
            return ExitCodes.DataError;
        }
        output.Info($"sweep {sweepId} {status.State}: best {ranked[0].TrialId} ({status.Metric} {ranked[0].Metric:G6}); wall {status.WallSeconds:F2} s, trials {sumTrials:F2} s");
        return ExitCodes.Success;
    }

    private void Report(TrialResult t, string metric)
    {
        if (output.Json) output.WriteObject(Row(t, metric, null));
        output.Info($"trial {t.TrialId}: κ {t.Config.Kappa} n {t.Config.Hidden} lr {t.Config.LearningRate} seed {t.Config.Seed} → {SweepTable.Status(t.State)} after {t.Epochs} epochs, {metric} {t.Metric:G6}");
    }

    private static JsonObject Row(TrialResult t, string metric, int? rank)
    {
        var o = new JsonObject();
        if (rank is { } r) o["rank"] = r;
        o["trial_id"] = t.TrialId;
        o["kappa"] = t.Config.Kappa;
        o["hidden"] = t.Config.Hidden;
        o["lr"] = t.Config.LearningRate;
        o["seed"] = t.Config.Seed;
        o["epochs"] = t.Epochs;
        o["status"] = SweepTable.Status(t.State);
        o["metric_name"] = metric;
        o["metric"] = t.Metric is { } m && double.IsFinite(m) ? m : null;
        if (t.TestAccuracy is { } a) o["test_accuracy"] = a;
        o["seconds"] = Math.Round(t.Seconds, 3);
        o["retries"] = t.Retries;
        if (t.Reason is not null) o["reason"] = t.Reason;
        if (t.RunEpochs is { } ran) o["run_epochs"] = ran;
        return o;
    }

    private static int Count(SweepStatus s, TrialState state) => s.Trials.Count(t => t.State == state);

    // Temp file + rename, so that an interrupted write never leaves half a table behind.
    private static void WriteCsv(string path, IEnumerable<TrialResult> trials)
    {
        string full = Path.GetFullPath(path), temp = full + ".tmp";
        File.WriteAllText(temp, SweepTable.ToCsv(trials));
        File.Move(temp, full, overwrite: true);
    }
}
