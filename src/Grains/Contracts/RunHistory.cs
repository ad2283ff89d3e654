namespace Idl.Grains.Contracts;

/// <summary>A snapshot of a run's metric history for monitors: the spec, the per-step curve (bounded, see
/// <c>MetricHistory</c>), the markers, and the silo of the coordinator. The per-epoch curve is <see cref="RunStatus.Epochs"/>.</summary>
[GenerateSerializer, Immutable, Alias("idl.RunHistory")]
public sealed record RunHistory(
    [property: Id(0)] RunSpec? Spec,
    [property: Id(1)] IReadOnlyList<StepPoint> Steps,
    [property: Id(2)] IReadOnlyList<RunEvent> Events,
    [property: Id(3)] string Host,
    [property: Id(4)] IReadOnlyList<PerronFrobeniusPoint> PerronFrobenius,
    [property: Id(5)] IReadOnlyList<long>? Checkpoints = null)
{
    /// <summary>When the run was started (null: not started, or started before histories were kept).</summary>
    public DateTime? StartedUtc => Events.FirstOrDefault(e => e.Kind == RunEventKind.Started)?.Utc;
}
