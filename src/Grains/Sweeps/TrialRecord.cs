using Idl.Grains.Contracts;

namespace Idl.Grains.Sweeps;

/// <summary>One trial as the sweep tracks it.</summary>
[GenerateSerializer, Alias("idl.TrialRecord")]
public sealed class TrialRecord
{
    [Id(0)] public TrialConfig Config { get; set; } = null!;
    [Id(1)] public string RunId { get; set; } = "";
    [Id(2)] public TrialState State { get; set; }
    [Id(3)] public int Retries { get; set; }
    /// <summary>Epoch summaries of the run already taken into account.</summary>
    [Id(4)] public int EpochsSeen { get; set; }
    [Id(5)] public double? Metric { get; set; }
    [Id(6)] public double? TestAccuracy { get; set; }
    [Id(7)] public string? Reason { get; set; }
    [Id(8)] public long StartedTicks { get; set; }
    [Id(9)] public long EndedTicks { get; set; }
    /// <summary>The run was told to stop but has not confirmed it yet (its silo may have died meanwhile).</summary>
    [Id(10)] public bool CancelPending { get; set; }
    [Id(11)] public int CancelAttempts { get; set; }
    /// <summary>The epoch <see cref="Metric"/> belongs to: the last one seen, or the rung that stopped the trial.</summary>
    [Id(12)] public int MetricEpoch { get; set; }
    /// <summary>ASHA cannot decide the trial at its latest rung yet (a lower-index trial may still reach it), so the
    /// sweep paused its run; resumed once the decision is to continue.</summary>
    [Id(13)] public bool Waiting { get; set; }

    /// <summary>The run's step at the last poll and when it last moved (not persisted: a reactivated sweep starts
    /// the stall clock afresh).</summary>
    [field: NonSerialized] public long LastStep { get; set; } = -1;

    [field: NonSerialized] public DateTime LastProgress { get; set; }

    /// <summary>Epochs the run had completed when it was confirmed ended (null until then).</summary>
    [Id(14)] public int? RunEpochs { get; set; }

    public bool IsFinished => State is TrialState.Completed or TrialState.Stopped or TrialState.Failed or TrialState.CompletedBeforeStop;

    public TrialResult ToResult(DateTime now) => new(RunId, Config, State, MetricEpoch, Metric, TestAccuracy,
        StartedTicks == 0 ? 0 : ((EndedTicks != 0 ? new DateTime(EndedTicks, DateTimeKind.Utc) : now) - new DateTime(StartedTicks, DateTimeKind.Utc)).TotalSeconds,
        Retries, Reason, RunEpochs);
}
