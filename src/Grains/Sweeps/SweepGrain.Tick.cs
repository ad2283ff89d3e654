using System.Diagnostics;
using Idl.Grains.Contracts;
using Idl.Grains.Telemetry;

namespace Idl.Grains.Sweeps;

public sealed partial class SweepGrain
{
    // Stops retrying to cancel a run after this many attempts (its trial already counts as stopped or failed).
    private const int MaxCancelAttempts = 20;

    // One timer tick: poll every running trial (bounded), take new epochs into account (ASHA), retry or fail the
    // ones that failed or stalled, confirm cancels, fill free slots, persist what changed.
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (S.State != SweepRunState.Running) return;
        var spec = S.Spec!;
        var running = S.Trials.Where(t => t.State == TrialState.Running).ToList();
        var statuses = await Task.WhenAll(running.Select(PollAsync));
        bool dirty = false;
        for (int i = 0; i < running.Count; i++) dirty |= await ApplyAsync(running[i], statuses[i]);
        dirty |= await SettleCancelsAsync();
        dirty |= await StartPendingAsync(spec);
        if (S.Trials.All(t => t.IsFinished && !t.CancelPending))
        {
            (S.State, S.FinishedTicks, _completing) = (SweepRunState.Completed, DateTime.UtcNow.Ticks, true);
            StopTimer();
            dirty = true;
        }
        if (dirty)
        {
            S.Rungs = _asha?.Entries.ToList() ?? [];
            try { await state.WriteStateAsync(CancellationToken.None); }
            finally { _completing = false; }
        }
    }

    private async Task<RunStatus?> PollAsync(TrialRecord trial)
    {
        // A coordinator on a dead silo fails fast or hangs; either way the next poll activates it elsewhere and it
        // resumes from its checkpoint. Until then, no answer only feeds the stall clock.
        try { return await Run(trial).StatusAsync().WaitAsync(S.Spec!.CallTimeout); }
        catch (Exception e)
        {
            LogTrialTrouble(logger, SweepId, trial.RunId, "status: " + e.Message);
            return null;
        }
    }

    private async Task<bool> ApplyAsync(TrialRecord trial, RunStatus? status)
    {
        var (spec, now) = (S.Spec!, DateTime.UtcNow);
        if (status is not null && status.Step != trial.LastStep) (trial.LastStep, trial.LastProgress) = (status.Step, now);
        bool dirty = false;
        while (status is not null && trial.EpochsSeen < status.Epochs.Count)
        {
            // The metric of the epoch itself, not of whatever epoch the run has reached since: it is the same on every run.
            var e = status.Epochs[trial.EpochsSeen];
            double metric = e.TestLoss ?? e.TrainLoss;
            var decision = _asha?.Report(trial.Config.Index, e.Epoch, metric) ?? AshaDecision.Continue;
            if (decision == AshaDecision.Wait) return await HoldAsync(trial, status, e.Epoch) || dirty;
            if (trial.EpochsSeen == 0 && e.TestLoss is null) S.Metric = "train_loss";
            (trial.Metric, trial.TestAccuracy, trial.MetricEpoch, dirty) = (metric, e.TestAccuracy, e.Epoch, true);
            trial.EpochsSeen++;
            if (decision == AshaDecision.Continue) continue;
            var rung = _asha!.DecisionAt(trial.Config.Index, e.Epoch)!;
            (trial.CancelPending, trial.Waiting) = (true, false);
            Finish(trial, TrialState.Stopped,
                $"ASHA: rank {rung.Rank} of the {rung.Peers} trials of index ≤ {trial.Config.Index} that reached rung epoch {e.Epoch}; the top {Math.Max(1, rung.Peers / spec.Eta)} continue");
            return true;
        }
        if (status is not null && (trial.Waiting || HeldAtDecidedRung(trial, status))) dirty |= await ReleaseAsync(trial, status);
        switch (status?.State)
        {
            case RunState.Completed when trial.EpochsSeen >= spec.Epochs:
                trial.RunEpochs = status.Epochs.Count;
                Finish(trial, TrialState.Completed, null);
                return true;
            case RunState.Failed:
                return await RetryAsync(trial, status.Error ?? "the run failed");
            case RunState.Cancelled:
                trial.RunEpochs = status.Epochs.Count;
                Finish(trial, TrialState.Failed, "its run was cancelled outside the sweep");
                return true;
        }
        if (now - trial.LastProgress > spec.ProgressDeadline)
            return await RetryAsync(trial, $"no progress for {spec.ProgressDeadline.TotalSeconds:F0} s (step {trial.LastStep}, {(status is null ? "no answer" : status.State.ToString())})");
        return dirty;
    }

    // Resumes the run from its last checkpoint (pause first when it is stuck in Running), or fails the trial once
    // its retries are spent.
    private async Task<bool> RetryAsync(TrialRecord trial, string reason)
    {
        var spec = S.Spec!;
        LogTrialTrouble(logger, SweepId, trial.RunId, reason);
        if (trial.Retries >= spec.MaxRetries)
        {
            trial.CancelPending = true;
            Finish(trial, TrialState.Failed, $"{reason} (after {trial.Retries} retries)");
            return true;
        }
        (trial.Retries, trial.LastProgress) = (trial.Retries + 1, DateTime.UtcNow);
        try
        {
            var run = Run(trial);
            var status = await run.StatusAsync().WaitAsync(spec.CallTimeout);
            if (status.State == RunState.Running) await run.PauseAsync().WaitAsync(spec.CallTimeout);
            // A trial parked at a rung stays parked: resuming it here (its polls failed while its coordinator moved)
            // let it train past the rung to the end before ASHA's stop reached it. That holds for a rung the sweep
            // is waiting on and for a hold whose epoch the sweep has not even seen yet. The status call above has
            // re-activated the coordinator; the next tick decides, and ReleaseAsync resumes the run if ASHA lets the
            // trial continue.
            bool undecidedHold = status is { State: RunState.Paused, Error: null, Epochs.Count: > 0 } && status.Epochs.Count > trial.EpochsSeen
                && SweepSpecValidator.TrialRun(spec, trial.Config).HoldsAfter(status.Epochs[^1].Epoch);
            if (!trial.Waiting && !undecidedHold) await run.ResumeAsync().WaitAsync(spec.CallTimeout);
        }
        catch (Exception e) { LogTrialTrouble(logger, SweepId, trial.RunId, "retry: " + e.Message); }
        return true;
    }

    // Cancels the runs of trials the sweep has finished early, until each run confirms (or the attempts run out).
    private async Task<bool> SettleCancelsAsync()
    {
        bool dirty = false;
        foreach (var trial in S.Trials.Where(t => t.CancelPending))
        {
            try
            {
                var status = await Run(trial).CancelAsync().WaitAsync(S.Spec!.CallTimeout);
                trial.CancelPending = !(status.IsFinished || status.State == RunState.None);
                if (status.IsFinished) trial.RunEpochs = status.Epochs.Count;
                // The run completed every epoch before the stop reached it (ASHA trials hold at their rungs, so: a
                // cancelled sweep, a trial failed after its retries, a run resumed by hand): the state says so, the
                // decision stays.
                if (status.State == RunState.Completed && trial.State is TrialState.Stopped or TrialState.Failed) trial.State = TrialState.CompletedBeforeStop;
            }
            catch (Exception e)
            {
                LogTrialTrouble(logger, SweepId, trial.RunId, "cancel: " + e.Message);
                trial.CancelPending = ++trial.CancelAttempts < MaxCancelAttempts;
                if (!trial.CancelPending) trial.Reason += $" (not confirmed: its run did not answer {MaxCancelAttempts} cancel requests, so it may have trained on)";
            }
            dirty = true;
        }
        return dirty;
    }

    private async Task<bool> StartPendingAsync(SweepSpec spec)
    {
        int running = S.Trials.Count(t => t.State == TrialState.Running);
        bool dirty = false;
        foreach (var trial in S.Trials.Where(t => t.State == TrialState.Pending).ToList())
        {
            if (running >= spec.Concurrency) break;
            using var activity = TrainingTelemetry.Source.StartActivity("trial", ActivityKind.Internal, _sweepContext);
            activity?.SetTag(SweepTags.SweepId, SweepId).SetTag(SweepTags.TrialIndex, trial.Config.Index).SetTag(SweepTags.Kappa, trial.Config.Kappa)
                .SetTag(SweepTags.Hidden, trial.Config.Hidden).SetTag(SweepTags.LearningRate, trial.Config.LearningRate);
            dirty = true;
            var started = DateTime.UtcNow;
            try
            {
                // Idempotent: after a restart the same spec returns the run's status instead of starting it again.
                await Run(trial).StartAsync(SweepSpecValidator.TrialRun(spec, trial.Config))
                    .WaitAsync(spec.CallTimeout + TimeSpan.FromSeconds(50));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                Finish(trial, TrialState.Failed, e.Message);
                continue;
            }
            catch (Exception e)
            {
                LogTrialTrouble(logger, SweepId, trial.RunId, "start: " + e.Message);
                if (++trial.Retries > spec.MaxRetries) Finish(trial, TrialState.Failed, $"could not start: {e.Message}");
                break;
            }
            // A trial's time counts from the start request, so that planning and data loading are part of it.
            (trial.State, trial.StartedTicks, trial.LastProgress, trial.LastStep) = (TrialState.Running, started.Ticks, DateTime.UtcNow, -1);
            running++;
        }
        return dirty;
    }

    private void Finish(TrialRecord trial, TrialState outcome, string? reason)
    {
        (trial.State, trial.Reason, trial.EndedTicks) = (outcome, reason, DateTime.UtcNow.Ticks);
        // Trials with larger indices stop waiting for this one at the rungs it did not reach.
        _asha?.End(trial.Config.Index);
        if (trial.StartedTicks == 0) trial.StartedTicks = trial.EndedTicks;
        LogTrialFinished(logger, SweepId, trial.RunId, outcome, trial.MetricEpoch);
    }

    private ITrainingCoordinatorGrain Run(TrialRecord trial) => GrainFactory.GetGrain<ITrainingCoordinatorGrain>(trial.RunId);
}
