using System.Diagnostics;
using System.Numerics;
using Idl.Grains.Aggregation;
using Idl.Grains.Contracts;
using Idl.Grains.Telemetry;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.Projections;
using Idl.Numerics.Training;
using Idl.Numerics.Training.Steps;

namespace Idl.Grains.Coordinator;

/// <summary>A run's model, optimizer state and gradient buffers in the run's precision (<see cref="RunSpec.Precision"/>),
/// so that the coordinator grain itself stays non-generic. The update is the single process's
/// <see cref="ParameterUpdate{T}"/> on the <see cref="GradientSum{T}"/> of the step's contributions.</summary>
internal abstract class RunModel
{
    /// <summary>‖A‖∞.</summary>
    public abstract double InfinityNormA { get; }

    /// <summary>A fresh model for <paramref name="spec"/>, initialised and projected as the single-process trainer does.</summary>
    public static RunModel Create(RunSpec spec, RunLayout layout, int projectionThreads) => spec.Precision == Precision.Float32
        ? RunModel<float>.Create(spec, layout, projectionThreads) : RunModel<double>.Create(spec, layout, projectionThreads);

    /// <summary>The model and optimizer state of a checkpoint, in the precision they were saved in.</summary>
    public static RunModel Restore(RunSpec spec, ModelParameters model, IEnumerable<AdamSlot> slots, int projectionThreads) =>
        model.A.Element == PayloadElement.Float32
            ? RunModel<float>.Restore(spec, model, slots, projectionThreads) : RunModel<double>.Restore(spec, model, slots, projectionThreads);

    /// <summary>A copy of the parameters as one immutable payload set.</summary>
    public abstract ModelParameters Pack(string activation);

    /// <summary>A copy of the parameters for one training step, in one of two sets of arrays reused in turn.</summary>
    public abstract ModelParameters PackForStep(string activation);

    /// <summary>The optimizer's state as checkpoint slots.</summary>
    public abstract List<AdamSlot> ExportOptimizer();

    /// <summary>Step <paramref name="step"/> (1-based, in epoch <paramref name="epoch"/>) at learning rate
    /// <paramref name="learningRate"/>: the mean of <paramref name="parts"/>, then the update (spans aggregate, update, project).</summary>
    /// <exception cref="TrainingDivergedException">The update made the loss or a parameter non-finite.</exception>
    public abstract void Update(IReadOnlyList<ShardContribution> parts, int step, double learningRate, int epoch);
}

internal sealed class RunModel<T>(ImplicitModel<T> model, ParameterUpdate<T> update) : RunModel
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private GradientSum<T>? _sum;
    // The arrays PackForStep copies A, B, C, D and the biases into, two sets used in turn.
    private readonly T[][]?[] _stepSets = new T[][]?[2];
    private int _stepSet;

    public override double InfinityNormA => Norms.InfinityNorm(model.A);

    public static new RunModel<T> Create(RunSpec spec, RunLayout layout, int projectionThreads)
    {
        var m = ModelInitializer.Create<T>(spec.Hidden, layout.Features, layout.Outputs,
            ActivationMap.Uniform(ActivationParser.Parse(spec.Activation), spec.Hidden), spec.Seed, spec.Bias);
        var update = Update(spec, projectionThreads);
        update.Constraint.Project(m);
        return new RunModel<T>(m, update);
    }

    public static new RunModel<T> Restore(RunSpec spec, ModelParameters parameters, IEnumerable<AdamSlot> slots, int projectionThreads)
    {
        var update = Update(spec, projectionThreads);
        // SGD checkpoints its velocity as M with an empty V.
        update.Optimizer.ImportState(slots.ToDictionary(a => a.Slot,
            a => a.V.Rows * a.V.Cols == 0 ? new[] { a.M.ToArray<T>() } : [a.M.ToArray<T>(), a.V.ToArray<T>()]));
        return new RunModel<T>(parameters.ToModel<T>(), update);
    }

    // Rows split over threads only when each gets enough of them: below ~64 rows a thread costs more than it saves.
    private static ParameterUpdate<T> Update(RunSpec spec, int threads) => new(spec.Options(),
        new WellPosednessConstraint(spec.Kappa, projection: new L1BallProjection(threads: Math.Clamp(spec.Hidden / 64, 1, Math.Max(1, threads)))));

    public override ModelParameters Pack(string activation) => ModelParameters.From(model, activation);
    // A fresh copy per step cost 10-11 ms at n = 1000 in float64 (a 14 MB large-object allocation, zeroing and the GC
    // it provokes), about 2 % of the step. Payloads are immutable by contract, and this overwrites one only after
    // everything whose result counts is done with it: step s writes the set step s - 2 used, and step s starts only
    // once every contribution of step s - 1 is in, which every shard, stage and remote send of step s - 2 preceded
    // (the shard grains answer in order, and a silo's outbound copy is made before its answer can come back). A call
    // that timed out and still runs reads either the same values (retries of one step) or yields an answer for an
    // older step, which is discarded. Retries of one step alternate sets, refilling them with the same values.
    public override ModelParameters PackForStep(string activation)
    {
        var m = model;
        var set = _stepSets[_stepSet] ??=
        [
            GC.AllocateUninitializedArray<T>(m.A.Data.Length), GC.AllocateUninitializedArray<T>(m.B.Data.Length),
            GC.AllocateUninitializedArray<T>(m.C.Data.Length), GC.AllocateUninitializedArray<T>(m.D.Data.Length),
            GC.AllocateUninitializedArray<T>(m.StateBias?.Length ?? 0), GC.AllocateUninitializedArray<T>(m.OutputBias?.Length ?? 0),
        ];
        _stepSet ^= 1;
        m.A.Data.CopyTo(set[0], 0);
        m.B.Data.CopyTo(set[1], 0);
        m.C.Data.CopyTo(set[2], 0);
        m.D.Data.CopyTo(set[3], 0);
        m.StateBias?.CopyTo(set[4], 0);
        m.OutputBias?.CopyTo(set[5], 0);
        return new ModelParameters(
            MatrixPayload.Wrap(m.A.Rows, m.A.Cols, set[0]), MatrixPayload.Wrap(m.B.Rows, m.B.Cols, set[1]),
            MatrixPayload.Wrap(m.C.Rows, m.C.Cols, set[2]), MatrixPayload.Wrap(m.D.Rows, m.D.Cols, set[3]),
            m.StateBias is null ? null : MatrixPayload.Wrap(1, set[4].Length, set[4]),
            m.OutputBias is null ? null : MatrixPayload.Wrap(1, set[5].Length, set[5]), activation);
    }

    public override List<AdamSlot> ExportOptimizer() => update.Optimizer.ExportState().OrderBy(kv => kv.Key)
        .Select(kv => new AdamSlot(kv.Key, MatrixPayload.FromVector<T>(kv.Value[0]),
            MatrixPayload.FromVector<T>(kv.Value.Length > 1 ? kv.Value[1] : []))).ToList();

    public override void Update(IReadOnlyList<ShardContribution> parts, int step, double learningRate, int epoch)
    {
        var m = model;
        using (TrainingTelemetry.Source.StartActivity("aggregate"))
        {
            if (_sum?.Fits(m.StateSize, m.InputSize, m.OutputSize, m.StateBias is not null, m.OutputBias is not null) != true)
                _sum = new GradientSum<T>(m.StateSize, m.InputSize, m.OutputSize, m.StateBias is not null, m.OutputBias is not null);
            GradientSums.AddAll(_sum, parts);
            _sum.ToMean();
        }
        double before = Norms.InfinityNorm(m.A);
        var (updateTicks, projectTicks) = update.Apply(m, _sum, step, learningRate, epoch);
        // The update runs in Numerics; its two phases become spans afterwards with the durations it measured.
        var end = DateTimeOffset.UtcNow;
        var projected = end - Stopwatch.GetElapsedTime(0, projectTicks);
        Phase("update", projected - Stopwatch.GetElapsedTime(0, updateTicks), projected)?.Dispose();
        var project = Phase("project", projected, end);
        project?.SetTag(TrainingTelemetry.Tags.InfNormBefore, before).SetTag(TrainingTelemetry.Tags.InfNormAfter, Norms.InfinityNorm(m.A));
        project?.Dispose();
    }

    private static Activity? Phase(string name, DateTimeOffset start, DateTimeOffset end)
    {
        var activity = TrainingTelemetry.Source.StartActivity(name, ActivityKind.Internal, parentContext: default, startTime: start);
        activity?.SetEndTime(end.UtcDateTime);
        return activity;
    }
}
