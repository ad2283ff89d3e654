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
        var calls = new ClusterCalls(output);
        var status = await UsageException.FromSpecAsync(() => run.StartAsync(spec, cancellationToken).WaitAsync(TimeSpan.FromMinutes(10), cancellationToken));
        output.Info($"run {runId}: {status.Shards} shards over {status.Samples} samples, {connection.Silos} silo(s)");
        int printed = 0;
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await run.CancelAsync().WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
            }
            status = await calls.CallAsync(() => run.StatusAsync(), $"run {runId}", cancellationToken);
            for (; printed < status.Epochs.Count; printed++) Report(status.Epochs[printed], status, runId, connection.Silos, spec.Epochs);
            if (status.IsFinished) break;
            // Paused with a reason by the cluster itself (e.g. checkpoint storage failing): say why rather than wait.
            if (status.State == RunState.Paused && status.Error is not null) throw RunOutcome.Ended(runId, status);
            await Task.Delay(100, CancellationToken.None);
        }
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

    private void Report(EpochSummary e, RunStatus status, string runId, int silos, int epochs)
    {
        var report = new EpochReport
        {
            Epoch = e.Epoch, LearningRate = e.LearningRate, TrainLoss = e.TrainLoss, TestLoss = e.TestLoss, TestAccuracy = e.TestAccuracy,
            TestRmse = e.TestRmse, SamplesPerSecond = e.SamplesPerSecond, TrainSeconds = e.TrainSeconds, ForwardIterationsMean = e.ForwardIterationsMean,
            BackwardIterationsMean = e.BackwardIterationsMean, NonConvergedSolves = e.NonConvergedSolves, InfNormA = e.InfNormA,
        };
        var o = Reports.Epoch(report, status.Shards);
        o["run_id"] = runId;
        o["silos"] = silos;
        if (output.Json) output.WriteObject(o);
        output.Info($"epoch {e.Epoch}/{epochs}: train loss {e.TrainLoss.ToString("F4", CultureInfo.InvariantCulture)}, test accuracy {e.TestAccuracy?.ToString("F4", CultureInfo.InvariantCulture)}");
    }
}
