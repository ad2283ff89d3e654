using System.Diagnostics;
using Idl.Grains.Aggregation;
using Idl.Grains.Contracts;
using Idl.Grains.Telemetry;
using Idl.Numerics;
using Idl.Numerics.Data;
using Idl.Numerics.Training;

namespace Idl.Grains.Coordinator;

public sealed partial class TrainingCoordinatorGrain
{
    private readonly SortedDictionary<int, ShardContribution> _pending = [];
    private long _pendingStep = -1;
    private int[][]? _batches;
    private int _batchesEpoch = -1;

    // One timer tick: the epoch-end phase when an epoch's last step is done but not yet reported, else one step.
    // A failure leaves the model untouched (steps apply only when every contribution is in) and is retried.
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (S.State != RunState.Running || _model is null) return;
        var spec = S.Spec!;
        long perEpoch = StepsPerEpoch(S.Layout!, spec);
        try
        {
            if (_step > 0 && _step % perEpoch == 0 && S.Epochs.Count < _step / perEpoch) await EndEpochAsync((int)(_step / perEpoch), cancellationToken);
            else await StepAsync(perEpoch, cancellationToken);
            _failures = 0;
        }
        catch (TrainingDivergedException e) when (S.State == RunState.Running)
        {
            // Not transient: the in-memory model is no longer finite and a retry would fail the same way, so the run
            // fails at once and cannot be resumed (it would diverge again); the stored checkpoint stays the last finite one.
            LogStepFailed(logger, RunId, _step + 1, ++_failures, e.Message);
            (S.State, S.Error, S.Failure) = (RunState.Failed, e.Message, RunFailure.Diverged);
            _model = null;
            StopTimer();
            EndEpochActivity();
            await state.WriteStateAsync(CancellationToken.None);
        }
        catch (Exception e) when (S.State == RunState.Running)
        {
            LogStepFailed(logger, RunId, _step + 1, ++_failures, e.Message);
            if (_failures >= _options.MaxStepAttempts)
            {
                (S.State, S.Error, S.Failure) = (RunState.Failed, $"Step {_step + 1} failed {_failures} times; last error: {e.Message}", RunFailure.StepFailed);
                StopTimer();
                EndEpochActivity();
                await state.WriteStateAsync(CancellationToken.None);
            }
            else await Task.Delay(_options.RetryDelay, CancellationToken.None);
        }
    }

    private async Task StepAsync(long perEpoch, CancellationToken cancellationToken)
    {
        var (spec, layout) = (S.Spec!, S.Layout!);
        int epoch = (int)(_step / perEpoch);
        int k = (int)(_step % perEpoch);
        if (_epochActivity is null)
        {
            var previous = Activity.Current;
            _epochActivity = TrainingTelemetry.Source.StartActivity("epoch", ActivityKind.Internal, _runContext);
            _epochActivity?.SetTag(TrainingTelemetry.Tags.RunId, RunId).SetTag(TrainingTelemetry.Tags.Epoch, epoch + 1);
            Activity.Current = previous;
        }
        using var activity = TrainingTelemetry.Source.StartActivity("step", ActivityKind.Internal, _epochActivity?.Context ?? _runContext);
        activity?.SetTag(TrainingTelemetry.Tags.Step, _step + 1);
        var clock = Stopwatch.StartNew();
        var groups = layout.Split(BatchesOf(epoch, layout, spec)[k]);
        // Packed once per step and shared by every shard: inside one silo no call copies it (reused arrays: PackForStep).
        var pack = TrainingTelemetry.Source.StartActivity("pack");
        var parameters = _model!.PackForStep(spec.Activation);
        pack?.Dispose();
        activity?.SetTag(TrainingTelemetry.Tags.Bytes, parameters.WireBytes * groups.Count);
        if (_pendingStep != _step)
        {
            _pending.Clear();
            _pendingStep = _step;
        }
        // Matrices over the chunk size stay in this silo's store for the step, pulled by whoever needs them.
        var (sent, lease) = transfer.Offer(parameters, "model parameters");
        double collectStart = clock.Elapsed.TotalSeconds;
        using (lease) await CollectAsync(groups, sent, S.Restarts, cancellationToken);
        double collected = clock.Elapsed.TotalSeconds;

        var (count, lossSum, parts) = Tally();
        TrainingTelemetry.StepLoss.Record(lossSum / count);
        // The single-process trainer's update on the mean gradient (optimizer, penalties, projection onto ||A||inf <= kappa)
        // at the schedule's rate for this epoch.
        double lr = LearningRateSchedule.Parse(spec.Schedule).Rate(spec.LearningRate, epoch + 1, spec.Epochs);
        _model!.Update(parts, (int)(_step + 1), lr, epoch + 1);
        _step++;
        _pending.Clear();
        TrainingTelemetry.StepSeconds.Record(clock.Elapsed.TotalSeconds);
        TrainingTelemetry.Samples.Add(count);
        double seconds = clock.Elapsed.TotalSeconds;
        RecordStep(count, lossSum, parts, seconds, collected - collectStart, seconds - collected);
        _progress = _progress with { Seconds = _progress.Seconds + clock.Elapsed.TotalSeconds };
        if (_step % perEpoch != 0 && _step % spec.CheckpointInterval == 0) await CheckpointAsync(cancellationToken);
    }

    // The tree's root stage: every shard when they are at most AggregationFanIn, else a few aggregator stages (each
    // calling a group of shards or further stages) whose partial sums arrive here instead of every contribution.
    private Task CollectAsync(IReadOnlyList<(int Shard, int[] Local)> groups, ModelParameters parameters, int incarnation,
        CancellationToken cancellationToken)
    {
        int samples = groups.Sum(g => g.Local.Length);
        var work = groups.ToDictionary(g => g.Shard, g => new ShardWork(S.Layout!.SpecFor(RunId, S.Spec!, g.Shard), g.Local, samples));
        return new StageCollector(GrainFactory, transfer, RunId, _options.AggregationFanIn).CollectAsync(
            AggregationNode.Root(S.Layout!.Shards), work, _step + 1, parameters, incarnation, _pending, _options.ShardCallTimeout, cancellationToken);
    }

    // Tallies the step's contributions; the sums themselves are the run model's (in the run's precision).
    private (long Count, double LossSum, List<ShardContribution> Parts) Tally()
    {
        var parts = _pending.Values.ToList();
        long count = 0;
        double lossSum = 0;
        var p = _progress;
        foreach (var c in parts)
        {
            (count, lossSum) = (count + c.Count, lossSum + c.LossSum);
            p = p with
            {
                LossSum = p.LossSum + c.LossSum, Samples = p.Samples + c.Count, Correct = p.Correct + c.Correct,
                ForwardIterations = p.ForwardIterations + c.Stats.ForwardIterations, BackwardIterations = p.BackwardIterations + c.Stats.BackwardIterations,
                ShardSteps = p.ShardSteps + c.Shards, NonConverged = p.NonConverged + c.Stats.NonConverged,
            };
        }
        _progress = p;
        return (count, lossSum, parts);
    }

    private int[][] BatchesOf(int epoch, RunLayout layout, RunSpec spec)
    {
        if (_batchesEpoch != epoch)
            (_batches, _batchesEpoch) = (new MiniBatchIterator(layout.Samples, Math.Min(spec.BatchSize, layout.Samples), spec.Seed).Indices(epoch).ToArray(), epoch);
        return _batches!;
    }
}
