using System.Globalization;
using Idl.Client.Output;
using Idl.Grains.Contracts;
using Idl.Numerics.Training;

namespace Idl.Client.Commands;

/// <summary>
/// Follows a run on the cluster until it ends, printing each epoch once (JSON with <c>--json</c>, a line on stderr
/// always): shared by <c>idl train --cluster</c>, which cancels the run on Ctrl-C, and <c>idl runs watch</c>, which
/// only detaches.
/// </summary>
internal sealed class RunWatcher(CliOutput output, ITrainingCoordinatorGrain run, string runId, int silos)
{
    /// <summary>What Ctrl-C does while watching.</summary>
    public enum OnInterrupt { CancelRun, Detach }

    /// <summary>Polls until the run is finished and returns its last status.</summary>
    /// <exception cref="RunEndedException">The run paused with a reason (checkpoint storage failing).</exception>
    /// <exception cref="OperationCanceledException">Ctrl-C with <see cref="OnInterrupt.CancelRun"/> (after cancelling it).</exception>
    /// <exception cref="RunDetachedException">Ctrl-C with <see cref="OnInterrupt.Detach"/>: the run goes on.</exception>
    public async Task<RunStatus> WatchAsync(int? epochs, OnInterrupt onInterrupt, CancellationToken cancellationToken)
    {
        // A status answer comes at once unless the coordinator's silo died (an epoch's evaluation can hold it a few
        // seconds): say so and ask again after 10 s rather than wait out Orleans' 30 s response timeout in silence.
        var calls = new ClusterCalls(output, callTimeout: TimeSpan.FromSeconds(10));
        int printed = 0;
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                if (onInterrupt == OnInterrupt.Detach) throw new RunDetachedException(runId);
                await calls.CallAsync(() => run.CancelAsync(), $"cancelling run {runId}", CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
            }
            RunStatus status;
            try { status = await calls.CallAsync(() => run.StatusAsync(), $"run {runId}", cancellationToken); }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { continue; }
            for (; printed < status.Epochs.Count; printed++) Report(status.Epochs[printed], status, epochs ?? status.Epochs.Count);
            if (status.IsFinished) return status;
            // Paused with a reason by the cluster itself (e.g. checkpoint storage failing): say why rather than wait.
            if (status.State == RunState.Paused && status.Error is not null) throw RunOutcome.Ended(runId, status);
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private void Report(EpochSummary e, RunStatus status, int epochs)
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
