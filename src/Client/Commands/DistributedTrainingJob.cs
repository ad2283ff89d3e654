using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Grains.Contracts;
using Idl.Numerics.Data;
using Idl.Numerics.Training;

namespace Idl.Client.Commands;

/// <summary><c>idl train --shards K</c> / <c>--cluster</c>: starts a run on Orleans and prints the same JSON per
/// epoch as a local run, plus <c>run_id</c>, <c>shards</c> and <c>silos</c>. The options travel as one typed
/// <see cref="RunSpec"/> (<see cref="ClusterRunSpec"/>), the step and update are the single process's.</summary>
internal sealed class DistributedTrainingJob(TrainSettings settings, string dataSpec, DataReading reading, CliOutput output)
{
    /// <summary>Where <c>--plot</c> writes the curves at the end (null: nowhere).</summary>
    public string? PlotPath { get; init; }

    public async Task<int> RunAsync(ClusterOptions cluster, ParseResult parse, string? dataConnection, CancellationToken cancellationToken)
    {
        var spec = ClusterRunSpec.From(settings, dataSpec, reading, parse.GetValue(cluster.Shards) ?? 1, parse.GetValue(cluster.CheckpointInterval));
        var t = settings.Training;
        string runId = parse.GetValue(cluster.RunId) ?? "run-" + Guid.NewGuid().ToString("N")[..12];
        var clock = Stopwatch.StartNew();
        await using var connection = await OrleansConnection.OpenAsync(cluster.Target(parse), cluster.Connect.TelemetryFor(parse), cancellationToken, dataConnection,
            cluster.DashboardFor(parse));
        if (connection.DashboardUrl is { } dashboard) output.Info($"dashboard: {dashboard}");
        // A running cluster without --shards gets one shard per silo: one shard would leave every other silo idle.
        if (parse.GetValue(cluster.Shards) is null && cluster.Target(parse) is not null) spec = spec with { Shards = connection.Silos };
        var run = connection.Grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        var status = await UsageException.FromSpecAsync(() => run.StartAsync(spec, cancellationToken).WaitAsync(TimeSpan.FromMinutes(10), cancellationToken));
        output.Info($"run {runId}: {status.Shards} shards over {status.Samples} samples, {connection.Silos} silo(s)");
        if (parse.GetValue(cluster.Detach)) return Detached(runId, status);
        status = await new RunWatcher(output, run, runId, connection.Silos).WatchAsync(spec.Epochs, RunWatcher.OnInterrupt.CancelRun, cancellationToken);
        if (status.State != RunState.Completed) throw RunOutcome.Ended(runId, status);
        if (PlotPath is { } plot)
            Plots.PlotFiles.Write(plot, Plots.CurvePanels.Run([.. status.Epochs.Select(Plots.EpochPoint.From)],
                await connection.Grains.GetGrain<IRunHistoryGrain>(runId).HistoryAsync().WaitAsync(TimeSpan.FromSeconds(60), cancellationToken)), output);
        var last = status.Epochs[^1];
        var summary = new JsonObject
        {
            ["final"] = true, ["run_id"] = runId, ["shards"] = status.Shards, ["silos"] = connection.Silos, ["epochs"] = status.Epochs.Count,
            ["train_seconds_total"] = Math.Round(status.Epochs.Sum(e => e.TrainSeconds), 3), ["wall_seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
            ["train_loss"] = Reports.Round(last.TrainLoss), ["test_loss"] = last.TestLoss is { } tl ? Reports.Round(tl) : null,
        };
        if (last.TestAccuracy is { } a) summary["test_accuracy"] = Reports.Round(a);
        if (last.TestRmse is { } r) summary["test_rmse"] = Reports.Round(r);
        summary["inf_norm_A"] = Reports.Round(last.InfNormA);
        summary["restarts"] = status.Restarts;
        summary["hidden"] = settings.Hidden;
        summary["kappa"] = t.Kappa;
        summary["precision"] = spec.Precision.ToString().ToLowerInvariant();
        if (output.Json) output.WriteObject(summary);
        else output.Result($"done: run {runId}, train loss {last.TrainLoss:F4}, test accuracy {last.TestAccuracy:F4}");
        return ExitCodes.Success;
    }

    private int Detached(string runId, RunStatus status)
    {
        if (output.Json) output.WriteObject(new JsonObject { ["run_id"] = runId, ["detached"] = true, ["state"] = status.State.ToString().ToLowerInvariant() });
        else output.Result($"run {runId} started; follow it with: idl runs watch {runId} --cluster <gateways>; stop it with: idl runs cancel {runId}");
        return ExitCodes.Success;
    }
}
