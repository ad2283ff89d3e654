using System.Numerics;
using Idl.Grains.Contracts;
using Idl.Grains.Telemetry;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;
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
    public static RunModel Create(RunSpec spec, RunLayout layout) => spec.Precision == "float32"
        ? RunModel<float>.Create(spec, layout) : RunModel<double>.Create(spec, layout);

    /// <summary>The model and moments of a checkpoint, in the precision they were saved in.</summary>
    public static RunModel Restore(RunSpec spec, ModelParameters model, IEnumerable<AdamSlot> adam) => model.A.Element == PayloadElement.Float32
        ? RunModel<float>.Restore(spec, model, adam) : RunModel<double>.Restore(spec, model, adam);

    /// <summary>A copy of the parameters as one immutable payload set.</summary>
    public abstract ModelParameters Pack(string activation);

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

    public override double InfinityNormA => Norms.InfinityNorm(model.A);

    public static new RunModel<T> Create(RunSpec spec, RunLayout layout)
    {
        var m = ModelInitializer.Create<T>(spec.Hidden, layout.Features, layout.Outputs,
            ActivationMap.Uniform(ActivationParser.Parse(spec.Activation), spec.Hidden), spec.Seed);
        var constraint = new WellPosednessConstraint(spec.Kappa);
        constraint.Project(m);
        return new RunModel<T>(m, new Adam<T>(), constraint);
    }

    public static new RunModel<T> Restore(RunSpec spec, ModelParameters parameters, IEnumerable<AdamSlot> slots)
    {
        var adam = new Adam<T>();
        adam.ImportState(slots.ToDictionary(a => a.Slot, a => (a.M.ToArray<T>(), a.V.ToArray<T>())));
        return new RunModel<T>(parameters.ToModel<T>(), adam, new WellPosednessConstraint(spec.Kappa));
    }

    public override ModelParameters Pack(string activation) => ModelParameters.From(model, activation);

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
