using Idl.Grains.Contracts;

namespace Idl.Grains.Sweeps;

/// <summary>A sweep as persisted: its spec, every trial's record and every ASHA report and decision, written after each tick
/// that changed something.</summary>
[GenerateSerializer, Alias("idl.SweepState")]
public sealed class SweepState
{
    [Id(0)] public SweepSpec? Spec { get; set; }
    [Id(1)] public SweepRunState State { get; set; }
    [Id(2)] public List<TrialRecord> Trials { get; set; } = [];
    [Id(3)] public List<RungEntry> Rungs { get; set; } = [];
    [Id(4)] public string Metric { get; set; } = "test_loss";
    /// <summary>UTC ticks when the sweep started and finished (0: not yet).</summary>
    [Id(5)] public long StartedTicks { get; set; }
    [Id(6)] public long FinishedTicks { get; set; }
    /// <summary>Activations that found the sweep running (its previous activation died or was deactivated).</summary>
    [Id(7)] public int Restarts { get; set; }
}
