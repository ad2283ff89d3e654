using Idl.Grains.Contracts;

namespace Idl.Grains.History;

/// <summary>
/// A run's per-step metric curve and its markers, bounded however long the run: when <see cref="Capacity"/> points
/// are stored, adjacent pairs are merged and every later point stands for twice as many steps (so the curve always
/// spans the whole run at an even resolution, and the step-weighted mean loss is unchanged). Persisted with the run's
/// checkpoint, so it survives a restart; steps after the checkpoint are dropped with the model's (<see cref="Truncate"/>).
/// </summary>
[GenerateSerializer, Alias("idl.MetricHistory")]
public sealed class MetricHistory
{
    /// <summary>Default bound on stored points.</summary>
    public const int DefaultCapacity = 512;

    /// <summary>Markers kept (the oldest go first; the Started marker is always kept).</summary>
    public const int MaxEvents = 64;

    /// <summary>A history holding at most <see cref="DefaultCapacity"/> points.</summary>
    public MetricHistory() : this(DefaultCapacity) { }

    /// <summary>A history holding at most <paramref name="capacity"/> points.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 2.</exception>
    public MetricHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
    }

    /// <summary>Most points stored.</summary>
    [Id(0)] public int Capacity { get; private set; }

    /// <summary>Steps per stored point: 1, doubled at each compaction.</summary>
    [Id(1)] public int Stride { get; private set; } = 1;

    [Id(2)] private List<StepPoint> _points = [];

    // Steps of the point being filled until it holds Stride steps; shown in snapshots so the latest step is visible.
    [Id(3)] private StepPoint? _pending;

    [Id(4)] private List<RunEvent> _events = [];

    [Id(5)] private List<PerronFrobeniusPoint> _perronFrobenius = [];

    [Id(6)] private List<long> _checkpoints = [];

    /// <summary>The curve: stored points, then the partly filled one.</summary>
    public IReadOnlyList<StepPoint> Points => _pending is null ? [.. _points] : [.. _points, _pending];

    /// <summary>The markers, oldest first.</summary>
    public IReadOnlyList<RunEvent> Events => [.. _events];

    /// <summary>λ_PF(|A|) after each epoch (every other one dropped whenever <see cref="Capacity"/> are stored).</summary>
    public IReadOnlyList<PerronFrobeniusPoint> PerronFrobenius => [.. _perronFrobenius];

    /// <summary>Steps at which a checkpoint was durably written, oldest first (every other one dropped whenever
    /// <see cref="Capacity"/> are stored; the newest is always kept).</summary>
    public IReadOnlyList<long> Checkpoints => [.. _checkpoints];

    /// <summary>Records a checkpoint at <paramref name="step"/>; the caller removes it again if the write fails.</summary>
    public void AddCheckpoint(long step)
    {
        _checkpoints.RemoveAll(s => s >= step);
        _checkpoints.Add(step);
        if (_checkpoints.Count >= Capacity) _checkpoints = [.. _checkpoints.Where((_, i) => i % 2 == 1)];
    }

    /// <summary>Forgets the checkpoint at <paramref name="step"/> (its write failed).</summary>
    public void RemoveCheckpoint(long step) => _checkpoints.Remove(step);

    /// <summary>Records λ_PF(|A|) after an epoch.</summary>
    public void Add(PerronFrobeniusPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        _perronFrobenius.RemoveAll(p => p.Epoch >= point.Epoch);
        _perronFrobenius.Add(point);
        if (_perronFrobenius.Count >= Capacity) _perronFrobenius = [.. _perronFrobenius.Where((_, i) => i % 2 == 1)];
    }

    /// <summary>Appends one step (or a point standing for several); compacts when full.</summary>
    public void Add(StepPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        _pending = _pending is null ? point : _pending.Merge(point);
        if (_pending.Steps < Stride) return;
        _points.Add(_pending);
        _pending = null;
        if (_points.Count >= Capacity) Compact();
    }

    /// <summary>Records a marker.</summary>
    public void Mark(RunEvent marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        _events.Add(marker);
        if (_events.Count > MaxEvents) _events.RemoveAt(_events[0].Kind == RunEventKind.Started ? 1 : 0);
    }

    /// <summary>Drops the points after <paramref name="step"/>: a run restored from its checkpoint at that step
    /// computes those steps again.</summary>
    public void Truncate(long step)
    {
        if (_pending is not null && _pending.Step > step) _pending = null;
        _points.RemoveAll(p => p.Step > step);
        _checkpoints.RemoveAll(s => s > step);
    }

    private void Compact()
    {
        var merged = new List<StepPoint>(Capacity);
        for (int i = 0; i + 1 < _points.Count; i += 2) merged.Add(_points[i].Merge(_points[i + 1]));
        // An odd point out starts the next, twice as wide, point.
        _pending = _points.Count % 2 == 1 ? _points[^1] : null;
        (_points, Stride) = (merged, Stride * 2);
    }
}
