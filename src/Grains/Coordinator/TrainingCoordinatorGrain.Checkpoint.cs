using System.Diagnostics;
using Idl.Grains.Contracts;
using Idl.Grains.Telemetry;
using Idl.Numerics;
using Idl.Numerics.Training;

namespace Idl.Grains.Coordinator;

public sealed partial class TrainingCoordinatorGrain
{
    private int _checkpointFailures;

    // Evaluates on every shard's part of the test set, records the epoch, checkpoints; the run completes after its
    // last epoch. Retried as a whole on failure: nothing changes until the evaluation is in.
    private async Task EndEpochAsync(int epoch, CancellationToken cancellationToken)
    {
        var (spec, layout) = (S.Spec!, S.Layout!);
        var parent = _epochActivity?.Context ?? _runContext;
        ShardEvaluation[] parts;
        using (var evaluate = TrainingTelemetry.Source.StartActivity("evaluate", ActivityKind.Internal, parent))
        {
            var (parameters, lease) = transfer.Offer(_model!.Pack(spec.Activation), "model parameters");
            using (lease)
                parts = await Task.WhenAll(Enumerable.Range(0, layout.Shards)
                    .Select(k => Shard(k).EvaluateAsync(layout.SpecFor(RunId, spec, k), parameters, cancellationToken)))
                    .WaitAsync(_options.ShardCallTimeout, cancellationToken);
        }
        int tested = parts.Sum(p => p.Count);
        var pr = _progress;
        double? testAccuracy = tested > 0 && layout.Classification ? (double)parts.Sum(p => p.Correct) / tested : null;
        var summary = new EpochSummary(epoch, LearningRateSchedule.Parse(spec.Schedule).Rate(spec.LearningRate, epoch, spec.Epochs),
            pr.LossSum / Math.Max(pr.Samples, 1),
            layout.Classification ? (double)pr.Correct / Math.Max(pr.Samples, 1) : null,
            tested > 0 ? parts.Sum(p => p.LossSum) / tested : null,
            testAccuracy,
            tested > 0 && !layout.Classification ? Math.Sqrt(parts.Sum(p => p.SquaredError) / ((double)tested * layout.Outputs)) : null,
            pr.Samples / Math.Max(pr.Seconds, 1e-9), pr.Seconds,
            StepsPerEpoch(layout, spec) == 0 ? 0 : (double)pr.ForwardIterations / Math.Max(pr.ShardSteps, 1),
            (double)pr.BackwardIterations / Math.Max(pr.ShardSteps, 1), pr.NonConverged, _model!.InfinityNormA);
        if (testAccuracy is { } a) TrainingTelemetry.EpochAccuracy.Record(a);
        RecordPerronFrobenius(epoch);
        S.Epochs.Add(summary);
        _progress = new EpochProgress();
        bool completed = S.Epochs.Count >= spec.Epochs;
        if (completed) (S.State, _completing) = (RunState.Completed, true);
        // A sweep's rung: pause here, in the same turn as the epoch, so that no step runs before the sweep decides.
        bool hold = !completed && spec.HoldsAfter(epoch);
        if (hold) S.State = RunState.Paused;
        try
        {
            // Stopping the timer cancels the token of the tick we run in: the final checkpoint must be written before
            // that and not under that token, or a store that honours cancellation (Azure Blob) never records completion.
            await CheckpointAsync(completed || hold ? CancellationToken.None : cancellationToken, parent);
        }
        finally
        {
            // Also when the write failed: a held or completed run takes no more steps, so its step timer must not go
            // on firing empty turns, and this epoch's span ends here either way (a held run keeps its epoch in memory;
            // should its silo die, it resumes from the last durable checkpoint and holds at this rung again).
            if (completed || hold) StopTimer();
            EndEpochActivity();
            _completing = false;
        }
    }

    // Model, optimizer moments, step and epoch sums, written together through grain storage. The stored step is what
    // status reports as the checkpoint step, so a failed write puts the last durable values back; failures in a row
    // (a full or broken disk) pause the run with the reason instead of training on without checkpoints.
    private async Task CheckpointAsync(CancellationToken cancellationToken, ActivityContext parent = default)
    {
        using var activity = TrainingTelemetry.Source.StartActivity("checkpoint", ActivityKind.Internal, parent);
        var durable = (S.Model, S.Adam, S.Step, S.Progress);
        S.Model = _model!.Pack(S.Spec!.Activation);
        S.Adam = _model.ExportOptimizer();
        (S.Step, S.Progress) = (_step, _progress);
        // Marked before the write so that the mark is part of the very checkpoint it records; taken back if it fails.
        S.History.AddCheckpoint(_step);
        try { await state.WriteStateAsync(cancellationToken); }
        catch (Exception e)
        {
            S.History.RemoveCheckpoint(_step);
            (S.Model, S.Adam, S.Step, S.Progress) = durable;
            if (e is OperationCanceledException || ++_checkpointFailures < _options.MaxCheckpointFailures || S.State != RunState.Running) throw;
            (S.State, S.Error) = (RunState.Paused, $"checkpoint storage failing: {e.GetBaseException().Message} ({_checkpointFailures} writes in a row failed; "
                + $"the last durable checkpoint is step {S.Step}). Fix the storage, then: idl runs resume {RunId}");
            StopTimer();
            EndEpochActivity();
            return;
        }
        _checkpointFailures = 0;
        activity?.SetTag(TrainingTelemetry.Tags.Step, _step)
            .SetTag(TrainingTelemetry.Tags.Bytes, S.Model.WireBytes + S.Adam.Sum(a => a.M.WireBytes + a.V.WireBytes));
    }

    private void Restore()
    {
        _model = RunModel.Restore(S.Spec!, S.Model!, S.Adam, _options.ResolvedProjectionThreads);
        (_step, _progress) = (S.Step, S.Progress);
        S.History.Truncate(S.Step);
    }

    private void EndEpochActivity()
    {
        _epochActivity?.Dispose();
        _epochActivity = null;
    }
}
