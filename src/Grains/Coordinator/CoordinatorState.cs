using Idl.Grains.Contracts;

namespace Idl.Grains.Coordinator;

/// <summary>A run as persisted: written whole at every checkpoint, so model, optimizer, step and epoch sums always agree.</summary>
[GenerateSerializer, Alias("idl.CoordinatorState")]
public sealed class CoordinatorState
{
    [Id(0)] public RunSpec? Spec { get; set; }
    [Id(1)] public RunState State { get; set; }
    [Id(2)] public string? Error { get; set; }
    /// <summary>Steps completed when the checkpoint was taken.</summary>
    [Id(3)] public long Step { get; set; }
    [Id(4)] public ModelParameters? Model { get; set; }
    [Id(5)] public List<AdamSlot> Adam { get; set; } = [];
    [Id(6)] public RunLayout? Layout { get; set; }
    [Id(7)] public List<EpochSummary> Epochs { get; set; } = [];
    [Id(8)] public EpochProgress Progress { get; set; } = new();
    [Id(9)] public int Restarts { get; set; }
    [Id(10)] public long ResumedFromStep { get; set; }
    [Id(11)] public Idl.Grains.History.MetricHistory History { get; set; } = new();
    /// <summary>Why the run failed, when <see cref="State"/> is Failed.</summary>
    [Id(12)] public RunFailure Failure { get; set; }
}
