using Idl.Grains.Contracts;
using Idl.Grains.History;

namespace Idl.Grains.Coordinator;

// The run's bounded metric history (MetricHistory): one point per step, markers at start, restart and resume. It is
// part of the persisted state, so it is written with every checkpoint and survives a restart.
public sealed partial class TrainingCoordinatorGrain : IRunHistoryGrain
{
    /// <inheritdoc />
    public Task<RunHistory> HistoryAsync() =>
        Task.FromResult(new RunHistory(S.Spec, S.History.Points, S.History.Events, silo.SiloAddress.ToString(), S.History.PerronFrobenius,
            S.History.Checkpoints));

    private void StartHistory()
    {
        S.History = new MetricHistory();
        RecordEvent(RunEventKind.Started);
    }

    private void RecordEvent(RunEventKind kind) => S.History.Mark(new RunEvent(kind, _step, DateTime.UtcNow));

    // λ_PF(|A|) of the epoch's final A, to a loose tolerance: a curve to watch, bounded in cost (n² per iteration) so
    // that the epoch end of a large model is not held up; the enclosure is certified whatever the tolerance.
    private void RecordPerronFrobenius(int epoch)
    {
        var a = _model!.Pack(S.Spec!.Activation).A;
        var pf = a.Element == PayloadElement.Float32 ? PerronFrobeniusCurve.Solve(a.AsMatrix<float>()) : PerronFrobeniusCurve.Solve(a.AsMatrix<double>());
        S.History.Add(new PerronFrobeniusPoint(epoch, pf.Lower, pf.Upper));
    }

    // Called after the step's update, so ‖A‖∞ is the projected matrix the next step starts from.
    private void RecordStep(long samples, double lossSum, IReadOnlyList<ShardContribution> parts, double seconds, double collect, double update)
    {
        int shardSteps = Math.Max(parts.Sum(c => c.Shards), 1);
        S.History.Add(new StepPoint(_step, 1, lossSum / Math.Max(samples, 1),
            (double)parts.Sum(c => c.Stats.ForwardIterations) / shardSteps, (double)parts.Sum(c => c.Stats.BackwardIterations) / shardSteps,
            _model!.InfinityNormA, samples, seconds, DateTime.UtcNow, parts.Sum(c => c.Stats.ComputeSeconds) / shardSteps, collect, update));
    }
}
