using System.Diagnostics;
using Idl.Grains.Contracts;
using Idl.Grains.Telemetry;

namespace Idl.Grains.Sweeps;

// A trial whose rung ASHA cannot decide yet (AshaDecision.Wait) is parked at a checkpoint until it can: the price of
// decisions that do not depend on which trial reaches a rung first.
public sealed partial class SweepGrain
{
    // ASHA cannot decide this rung until lower-index trials reach it: park the run at a checkpoint so that its CPU goes
    // to those trials, and stop the stall clock — waiting on purpose is not a stall. The wait is bounded (see
    // AshaScheduler), so the trial's slot is not held forever. A pause that does not get through is tried again next tick.
    private async Task<bool> HoldAsync(TrialRecord trial, RunStatus status, int epoch)
    {
        trial.LastProgress = DateTime.UtcNow;
        bool changed = !trial.Waiting;
        if (changed)
        {
            LogTrialWaiting(logger, SweepId, trial.RunId, epoch);
            using var span = TrainingTelemetry.Source.StartActivity("trial.wait", ActivityKind.Internal, _sweepContext);
            span?.SetTag(SweepTags.SweepId, SweepId).SetTag(SweepTags.TrialIndex, trial.Config.Index).SetTag(TrainingTelemetry.Tags.Epoch, epoch);
        }
        trial.Waiting = true;
        if (status.State != RunState.Running) return changed;
        try { await Run(trial).PauseAsync().WaitAsync(S.Spec!.CallTimeout); }
        catch (Exception e) { LogTrialTrouble(logger, SweepId, trial.RunId, "pause: " + e.Message); }
        return changed;
    }

    // The run paused itself at a rung (RunSpec.HoldFirstEpoch) and ASHA has let it continue: every epoch it reported
    // is taken into account. A pause with an error (checkpoint storage failing) is not a hold.
    private bool HeldAtDecidedRung(TrialRecord trial, RunStatus status) =>
        status is { State: RunState.Paused, Error: null, Epochs.Count: > 0 } && trial.EpochsSeen == status.Epochs.Count
        && S.Spec!.Scheduler == SchedulerKind.Asha && _asha!.IsRung(status.Epochs[^1].Epoch);

    // The wait is over and the trial continues: resume the run the sweep paused. If the resume does not get through,
    // the run stays paused, the stall clock (restarted here) runs out and the ordinary retry resumes it.
    private async Task<bool> ReleaseAsync(TrialRecord trial, RunStatus status)
    {
        (trial.Waiting, trial.LastProgress) = (false, DateTime.UtcNow);
        if (status.State != RunState.Paused) return true;
        try { await Run(trial).ResumeAsync().WaitAsync(S.Spec!.CallTimeout); }
        catch (Exception e) { LogTrialTrouble(logger, SweepId, trial.RunId, "resume: " + e.Message); }
        return true;
    }
}
