using System.Diagnostics;
using Idl.Grains.Contracts;
using Idl.Grains.Hosting;
using Idl.Grains.Options;
using Idl.Grains.Transfer;
using Idl.Numerics.Models;
using Idl.Numerics.Training;
using Idl.Numerics.Training.Optimizers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Idl.Grains.Coordinator;

/// <summary>
/// One training run. Thin: validates, fans out to the shards, sums their contributions, calls Numerics for Adam
/// and the projection, persists. Steps run one per timer tick, so the public calls interleave between steps, and a
/// coordinator reactivated after its silo died resumes from its last checkpoint.
/// </summary>
public sealed partial class TrainingCoordinatorGrain(
    [PersistentState("run", TrainingSiloExtensions.StorageName)] IPersistentState<CoordinatorState> state,
    IOptions<TrainingClusterOptions> options,
    PayloadTransfer transfer,
    ILocalSiloDetails silo,
    ILogger<TrainingCoordinatorGrain> logger) : Grain, ITrainingCoordinatorGrain
{
    private readonly TrainingClusterOptions _options = options.Value;
    // True while the final checkpoint of a completed run is being written (see Status).
    private bool _completing;
    private RunModel? _model;
    private long _step;
    private EpochProgress _progress = new();
    private IGrainTimer? _timer;
    private ActivityContext _runContext;
    private Activity? _epochActivity;
    private int _failures;
    private PayloadOutbox? _parametersOutbox;

    private CoordinatorState S => state.State;

    private string RunId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists || S.Model is null) return;
        Restore();
        if (S.State != RunState.Running) return;
        // This activation replaces one that died: a new incarnation, recorded before any step, so that shards do not
        // replay answers computed by the previous one.
        (S.Restarts, S.ResumedFromStep) = (S.Restarts + 1, S.Step);
        RecordEvent(RunEventKind.Restarted);
        await state.WriteStateAsync(cancellationToken);
        LogResumed(logger, RunId, S.Step, S.Restarts);
        StartTimer();
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _parametersOutbox?.Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<RunStatus> StartAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.Validate(spec);
        if (S.Spec is { } existing && S.State != RunState.None)
            return existing == spec ? Status()
                : throw new InvalidOperationException($"Run '{RunId}' already exists with other settings; choose another run id.");
        _runContext = Activity.Current?.Context ?? default;
        var layout = await PlanAsync(spec, cancellationToken);
        (_model, _step, _progress) = (RunModel.Create(spec, layout, _options.ResolvedProjectionThreads), 0, new EpochProgress());
        (S.Spec, S.Layout, S.State, S.Error, S.Epochs) = (spec, layout, RunState.Running, null, []);
        StartHistory();
        await CheckpointAsync(default);
        await GrainFactory.GetGrain<IRunRegistryGrain>("default").AddAsync(RunId).WaitAsync(_options.ShardCallTimeout, cancellationToken);
        await EnsureResumeReminderAsync();
        StartTimer();
        LogStarted(logger, RunId, spec.Shards, layout.Samples);
        return Status();
    }

    /// <inheritdoc />
    public Task<RunStatus> StatusAsync() => Task.FromResult(Status());

    /// <inheritdoc />
    public async Task<RunStatus> PauseAsync()
    {
        if (S.State != RunState.Running) return Status();
        S.State = RunState.Paused;
        StopTimer();
        await CheckpointAsync(default);
        return Status();
    }

    /// <inheritdoc />
    public async Task<RunStatus> ResumeAsync()
    {
        if (S.State is not (RunState.Paused or RunState.Failed) || _model is null) return Status();
        (S.State, S.Error, _failures, _checkpointFailures) = (RunState.Running, null, 0, 0);
        _runContext = Activity.Current?.Context ?? _runContext;
        RecordEvent(RunEventKind.Resumed);
        await state.WriteStateAsync();
        await EnsureResumeReminderAsync();
        StartTimer();
        return Status();
    }

    /// <inheritdoc />
    public async Task<RunStatus> CancelAsync()
    {
        if (S.State is RunState.None or RunState.Completed or RunState.Cancelled) return Status();
        S.State = RunState.Cancelled;
        StopTimer();
        EndEpochActivity();
        await CheckpointAsync(default);
        return Status();
    }

    /// <inheritdoc />
    /// <remarks>Large matrices stay here until the next call or deactivation; a client pulls them with
    /// <see cref="PayloadClientExtensions.FetchAsync"/>.</remarks>
    public Task<ModelParameters?> ParametersAsync() =>
        Task.FromResult(_model is null ? null : (_parametersOutbox ??= new PayloadOutbox(transfer)).Send(_model.Pack(S.Spec!.Activation), "model parameters"));

    /// <inheritdoc />
    public Task<string> HostAsync() => Task.FromResult(silo.SiloAddress.ToString());

    private RunStatus Status()
    {
        long perEpoch = S.Layout is { } l && S.Spec is { } s ? StepsPerEpoch(l, s) : 0;
        // Status is answered between the awaits of a tick: a run whose completion is still being written says
        // Running until it is durable (and its epoch span closed), so that a caller who sees Completed may exit.
        return new RunStatus(RunId, _completing ? RunState.Running : S.State, (int)(perEpoch == 0 ? 0 : Math.Min(_step / perEpoch, S.Spec!.Epochs)), _step,
            perEpoch * (S.Spec?.Epochs ?? 0), S.Step, S.Restarts, S.ResumedFromStep, S.Error, S.Epochs.ToArray(),
            S.Layout?.Shards ?? 0, S.Layout?.Samples ?? 0);
    }

    private static long StepsPerEpoch(RunLayout layout, RunSpec spec)
    {
        int b = Math.Min(spec.BatchSize, layout.Samples);
        return (layout.Samples + b - 1) / b;
    }

    private void StartTimer()
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero, Period = TimeSpan.FromMilliseconds(1), Interleave = false, KeepAlive = true,
        });
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started: {Shards} shards over {Samples} samples")]
    private static partial void LogStarted(ILogger logger, string runId, int shards, int samples);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} resumed from its checkpoint at step {Step} (restart {Restarts})")]
    private static partial void LogResumed(ILogger logger, string runId, long step, int restarts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: step {Step} attempt {Attempt} failed: {Message}")]
    private static partial void LogStepFailed(ILogger logger, string runId, long step, int attempt, string message);
}
