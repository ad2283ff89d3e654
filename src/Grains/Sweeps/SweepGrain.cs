using System.Diagnostics;
using Idl.Grains.Contracts;
using Idl.Grains.Hosting;
using Idl.Grains.Options;
using Idl.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Idl.Grains.Sweeps;

/// <summary>
/// One sweep. Thin: validates, expands the search space (<see cref="SearchSpace"/>), starts trials as training runs
/// through their coordinators, polls them on a grain timer, asks <see cref="AshaScheduler"/> whether each continues,
/// and persists. Nothing runs inside a long grain turn; a reactivated sweep re-attaches to its trials by run id.
/// </summary>
public sealed partial class SweepGrain(
    [PersistentState("sweep", TrainingSiloExtensions.StorageName)] IPersistentState<SweepState> state,
    ILocalSiloDetails silo,
    IOptions<TrainingClusterOptions> options,
    ILogger<SweepGrain> logger) : Grain, ISweepGrain
{
    private AshaScheduler? _asha;
    private IGrainTimer? _timer;
    // True while the completed sweep's final state is being written (see Status).
    private bool _completing;
    private ActivityContext _sweepContext;

    private SweepState S => state.State;

    private string SweepId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists || S.Spec is null) return;
        RestoreScheduler();
        if (S.State != SweepRunState.Running) return;
        S.Restarts++;
        // The stall clock is not persisted: start it afresh, or the first failed poll after a silo death (its
        // coordinator moving too) would count as minutes without progress and retry the trial at once.
        foreach (var trial in S.Trials.Where(t => t.State == TrialState.Running)) trial.LastProgress = DateTime.UtcNow;
        await state.WriteStateAsync(cancellationToken);
        LogReattached(logger, SweepId, S.Trials.Count(t => t.State == TrialState.Running), S.Restarts);
        StartTimer();
    }

    /// <inheritdoc />
    public async Task<SweepStatus> StartAsync(SweepSpec spec, CancellationToken cancellationToken = default)
    {
        SweepSpecValidator.Validate(spec);
        if (S.Spec is { } existing && S.State != SweepRunState.None)
            return SweepSpecValidator.Describe(existing) == SweepSpecValidator.Describe(spec) ? Status()
                : throw new InvalidOperationException($"Sweep '{SweepId}' already exists with other settings; choose another sweep id.");
        using (var activity = TrainingTelemetry.Source.StartActivity("sweep"))
        {
            activity?.SetTag(SweepTags.SweepId, SweepId);
            _sweepContext = activity?.Context ?? default;
        }
        var trials = SearchSpace.Expand(spec);
        S.Spec = spec;
        S.Trials = trials.Select(c => new TrialRecord { Config = c, RunId = $"{SweepId}-t{c.Index:D3}" }).ToList();
        (S.Rungs, S.State, S.StartedTicks, S.FinishedTicks) = ([], SweepRunState.Running, DateTime.UtcNow.Ticks, 0);
        RestoreScheduler();
        await state.WriteStateAsync(cancellationToken);
        await EnsureResumeReminderAsync();
        LogStarted(logger, SweepId, trials.Count, spec.Concurrency);
        StartTimer();
        return Status();
    }

    /// <inheritdoc />
    public Task<SweepStatus> StatusAsync() => Task.FromResult(Status());

    /// <inheritdoc />
    public async Task<SweepStatus> CancelAsync()
    {
        if (S.State != SweepRunState.Running) return Status();
        foreach (var trial in S.Trials.Where(t => !t.IsFinished))
        {
            if (trial.State == TrialState.Running) trial.CancelPending = true;
            Finish(trial, TrialState.Stopped, "the sweep was cancelled");
        }
        await SettleCancelsAsync();
        (S.State, S.FinishedTicks) = (SweepRunState.Cancelled, DateTime.UtcNow.Ticks);
        StopTimer();
        await state.WriteStateAsync();
        return Status();
    }

    /// <inheritdoc />
    public Task<string> HostAsync() => Task.FromResult(silo.SiloAddress.ToString());

    private SweepStatus Status()
    {
        var now = DateTime.UtcNow;
        double wall = S.StartedTicks == 0 ? 0 : ((S.FinishedTicks != 0 ? new DateTime(S.FinishedTicks, DateTimeKind.Utc) : now) - new DateTime(S.StartedTicks, DateTimeKind.Utc)).TotalSeconds;
        // Answered between the awaits of a tick: a completion still being written reads as Running until durable.
        return new SweepStatus(SweepId, _completing ? SweepRunState.Running : S.State, S.Metric, S.Trials.Select(t => t.ToResult(now)).ToArray(), wall, S.Restarts);
    }

    private void RestoreScheduler()
    {
        var spec = S.Spec!;
        _asha = spec.Scheduler == SchedulerKind.Asha
            ? AshaScheduler.Restore(spec.Eta, spec.MinEpochs, spec.Epochs, S.Rungs, S.Trials.Where(t => t.IsFinished).Select(t => t.Config.Index))
            : null;
    }

    private void StartTimer()
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero, Period = S.Spec!.PollInterval, Interleave = false, KeepAlive = true,
        });
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {SweepId} started: {Trials} trials, {Concurrency} at once")]
    private static partial void LogStarted(ILogger logger, string sweepId, int trials, int concurrency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {SweepId} reactivated: re-attaching to {Running} running trials (restart {Restarts})")]
    private static partial void LogReattached(ILogger logger, string sweepId, int running, int restarts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {SweepId}: trial {RunId}: {Message}")]
    private static partial void LogTrialTrouble(ILogger logger, string sweepId, string runId, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {SweepId}: trial {RunId} paused at rung epoch {Epoch} until lower-index trials reach it")]
    private static partial void LogTrialWaiting(ILogger logger, string sweepId, string runId, int epoch);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {SweepId}: trial {RunId} {State} after epoch {Epoch}")]
    private static partial void LogTrialFinished(ILogger logger, string sweepId, string runId, TrialState state, int epoch);
}
