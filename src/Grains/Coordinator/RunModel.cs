using System.Numerics;
using Idl.Grains.Contracts;
using Idl.Grains.Telemetry;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.Projections;
using Idl.Numerics.Training;
using Idl.Numerics.Training.Optimizers;

namespace Idl.Grains.Coordinator;

/// <summary>A run's model, Adam moments and gradient buffers in the run's precision (<see cref="RunSpec.Precision"/>),
/// so that the coordinator grain itself stays non-generic.</summary>
internal abstract class RunModel
{
    /// <summary>‖A‖∞.</summary>
    public abstract double InfinityNormA { get; }

    /// <summary>A fresh model for <paramref name="spec"/>, initialised and projected as the single-process trainer does.</summary>
    public static RunModel Create(RunSpec spec, RunLayout layout, int projectionThreads) => spec.Precision == "float32"
        ? RunModel<float>.Create(spec, layout, projectionThreads) : RunModel<double>.Create(spec, layout, projectionThreads);

    /// <summary>The model and moments of a checkpoint, in the precision they were saved in.</summary>
    public static RunModel Restore(RunSpec spec, ModelParameters model, IEnumerable<AdamSlot> adam, int projectionThreads) =>
        model.A.Element == PayloadElement.Float32
            ? RunModel<float>.Restore(spec, model, adam, projectionThreads) : RunModel<double>.Restore(spec, model, adam, projectionThreads);

    /// <summary>A copy of the parameters as one immutable payload set.</summary>
    public abstract ModelParameters Pack(string activation);

    /// <summary>A copy of the parameters for one training step, in one of two sets of arrays reused in turn.</summary>
    public abstract ModelParameters PackForStep(string activation);

    /// <summary>Adam's moments as checkpoint slots.</summary>
    public abstract List<AdamSlot> ExportAdam();

    /// <summary>Step <paramref name="step"/> (1-based): the mean of <paramref name="parts"/>, Adam, then the row-wise
    /// ℓ1 projection of A onto ‖A‖∞ ≤ κ (spans aggregate, update, project).</summary>
    public abstract void Update(IReadOnlyList<ShardContribution> parts, int step, RunSpec spec);
}

internal sealed class RunModel<T>(ImplicitModel<T> model, Adam<T> adam, WellPosednessConstraint constraint) : RunModel
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private GradientSums<T>? _sums;
    // The arrays PackForStep copies A, B, C, D and the biases into, two sets used in turn.
    private readonly T[][]?[] _stepSets = new T[][]?[2];
    private int _stepSet;

    public override double InfinityNormA => Norms.InfinityNorm(model.A);

    public static new RunModel<T> Create(RunSpec spec, RunLayout layout, int projectionThreads)
    {
        var m = ModelInitializer.Create<T>(spec.Hidden, layout.Features, layout.Outputs,
            ActivationMap.Uniform(ActivationParser.Parse(spec.Activation), spec.Hidden), spec.Seed);
        var constraint = Constraint(spec, projectionThreads);
        constraint.Project(m);
        return new RunModel<T>(m, new Adam<T>(), constraint);
    }

    public static new RunModel<T> Restore(RunSpec spec, ModelParameters parameters, IEnumerable<AdamSlot> slots, int projectionThreads)
    {
        var adam = new Adam<T>();
        adam.ImportState(slots.ToDictionary(a => a.Slot, a => (a.M.ToArray<T>(), a.V.ToArray<T>())));
        return new RunModel<T>(parameters.ToModel<T>(), adam, Constraint(spec, projectionThreads));
    }

    // Rows split over threads only when each gets enough of them: below ~64 rows a thread costs more than it saves.
    private static WellPosednessConstraint Constraint(RunSpec spec, int threads) =>
        new(spec.Kappa, projection: new L1BallProjection(threads: Math.Clamp(spec.Hidden / 64, 1, Math.Max(1, threads))));

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

    public override List<AdamSlot> ExportAdam() => adam.ExportState().OrderBy(kv => kv.Key)
        .Select(kv => new AdamSlot(kv.Key, MatrixPayload.FromVector<T>(kv.Value.M), MatrixPayload.FromVector<T>(kv.Value.V))).ToList();

    public override void Update(IReadOnlyList<ShardContribution> parts, int step, RunSpec spec)
    {
        var m = model;
        using (TrainingTelemetry.Source.StartActivity("aggregate"))
        {
            if (_sums?.Fits(m.StateSize, m.InputSize, m.OutputSize, m.StateBias is not null, m.OutputBias is not null) != true)
                _sums = new GradientSums<T>(m.StateSize, m.InputSize, m.OutputSize, m.StateBias is not null, m.OutputBias is not null);
            _sums.Mean(parts);
        }
        var sum = _sums;
        using (TrainingTelemetry.Source.StartActivity("update"))
        {
            adam.BeginStep(step, spec.LearningRate);
            adam.Update(0, m.A.Span, sum.A.Span);
            adam.Update(1, m.B.Span, sum.B.Span);
            adam.Update(2, m.C.Span, sum.C.Span);
            adam.Update(3, m.D.Span, sum.D.Span);
            if (m.StateBias is { } b) adam.Update(4, b, sum.StateBias);
            if (m.OutputBias is { } c) adam.Update(5, c, sum.OutputBias);
        }
        using var activity = TrainingTelemetry.Source.StartActivity("project");
        double before = Norms.InfinityNorm(m.A);
        constraint.Project(m);
        activity?.SetTag(TrainingTelemetry.Tags.InfNormBefore, before).SetTag(TrainingTelemetry.Tags.InfNormAfter, Norms.InfinityNorm(m.A));
    }
}
