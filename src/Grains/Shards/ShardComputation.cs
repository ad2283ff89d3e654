using System.Diagnostics;
using System.Numerics;
using Idl.Grains.Contracts;
using Idl.Grains.Telemetry;
using Idl.Numerics;
using Idl.Numerics.Data;
using Idl.Numerics.Training;
using Idl.Numerics.Training.Steps;

namespace Idl.Grains.Shards;

/// <summary>One shard step on immutable inputs only (it runs off the grain's scheduler): the single process's
/// <see cref="TrainingStep{T}"/> on the shard's columns of the batch, its gradient sums wrapped as payloads.</summary>
internal static class ShardComputation
{
    public sealed record Result<T>(ShardContribution Contribution, Matrix<T> States, Matrix<T> Adjoints) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>One step in the precision of the request's parameters (<typeparamref name="T"/>).</summary>
    public static Result<T> Run<T>(ShardData data, ShardStepRequest request, int[] indices, Matrix<T>? states, Matrix<T>? adjoints)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var clock = Stopwatch.StartNew();
        using var compute = TrainingTelemetry.Source.StartActivity("shard.compute");
        var prepare = TrainingTelemetry.Source.StartActivity("shard.prepare");
        // A read-only view: inside one silo the parameters are the coordinator's immutable payload, not a copy.
        var model = request.Parameters.AsModel<T>();
        CheckShapes(model, data.Train);
        var solver = request.Spec.Solver ?? new SolverSettings();
        var step = new TrainingStep<T>(data.Train.Task, solver.Kind, solver.Options, solver.Options);
        var batch = data.Train.Batch<T>(indices);
        prepare?.Dispose();

        int stepSamples = request.StepSamples > 0 ? request.StepSamples : indices.Length;
        var started = DateTimeOffset.UtcNow;
        var part = step.Compute(model, batch, stepSamples, states, adjoints);
        var (equilibrium, adjoint) = (part.Equilibrium, part.Gradient.Adjoint);
        // The step runs in Numerics, which knows nothing of tracing: its two phases become spans afterwards, with the
        // durations it measured, so that traces keep showing forward and adjoint time per shard.
        var forwardEnd = started + Stopwatch.GetElapsedTime(0, part.ForwardTicks);
        Span("shard.forward", started, forwardEnd, request, indices.Length, equilibrium.Iterations, equilibrium.Residual)?.Dispose();
        var adjointSpan = Span("shard.adjoint", forwardEnd, forwardEnd + Stopwatch.GetElapsedTime(0, part.AdjointTicks),
            request, indices.Length, adjoint.Iterations, adjoint.Residual);

        var stats = new SolveStats(equilibrium.Iterations, adjoint.Iterations, equilibrium.Residual, adjoint.Residual,
            part.NonConverged, clock.Elapsed.TotalSeconds);
        var g = part.Gradient;
        // The gradients are fresh arrays that nothing else holds: the payloads take them over instead of copying.
        var contribution = new ShardContribution(request.Spec.ShardIndex, request.Step,
            MatrixPayload.Wrap(g.A), MatrixPayload.Wrap(g.B), MatrixPayload.Wrap(g.C), MatrixPayload.Wrap(g.D),
            g.StateBias is { } b ? MatrixPayload.Wrap(1, b.Length, b) : null,
            g.OutputBias is { } c ? MatrixPayload.Wrap(1, c.Length, c) : null,
            part.LossSum, part.Count, part.Correct, stats);
        adjointSpan?.SetTag(TrainingTelemetry.Tags.Bytes, contribution.WireBytes);
        adjointSpan?.Dispose();
        TrainingTelemetry.SolverIterations.Record(equilibrium.Iterations);
        return new Result<T>(contribution, equilibrium.State, adjoint.State);
    }

    public static ShardEvaluation Evaluate(ShardData data, ModelParameters parameters, SolverSettings solver) =>
        parameters.A.Element == PayloadElement.Float32 ? Evaluate<float>(data, parameters, solver) : Evaluate<double>(data, parameters, solver);

    private static ShardEvaluation Evaluate<T>(ShardData data, ModelParameters parameters, SolverSettings solver) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (data.Test is not { } test) return new ShardEvaluation(0, 0, 0, 0);
        var model = parameters.AsModel<T>();
        CheckShapes(model, test);
        var e = Evaluation.Run(model, test, solver.Create(), targetScaling: data.TargetScaling);
        int m = test.SampleCount;
        double squared = e.Rmse is { } r ? r * r * m * test.OutputCount : 0;
        return new ShardEvaluation(e.Loss * m, m, e.Accuracy is { } a ? (int)Math.Round(a * m) : 0, squared);
    }

    private static void CheckShapes<T>(Numerics.Models.ImplicitModel<T> model, Dataset data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (model.InputSize != data.FeatureCount || model.OutputSize != data.OutputCount)
            throw new ArgumentException(
                $"The model takes {model.InputSize} features and gives {model.OutputSize} outputs but the shard's data has {data.FeatureCount} and {data.OutputCount}.");
    }

    // A child span of the current one with the given start and end (kept when the caller disposes it).
    private static Activity? Span(string name, DateTimeOffset start, DateTimeOffset end, ShardStepRequest request, int samples,
        int iterations, double residual)
    {
        var activity = TrainingTelemetry.Source.StartActivity(name, ActivityKind.Internal, parentContext: default, startTime: start);
        if (activity is null) return null;
        activity.SetTag(TrainingTelemetry.Tags.Shard, request.Spec.ShardIndex);
        activity.SetTag(TrainingTelemetry.Tags.Step, request.Step);
        activity.SetTag(TrainingTelemetry.Tags.Samples, samples);
        activity.SetTag(TrainingTelemetry.Tags.Iterations, iterations);
        activity.SetTag(TrainingTelemetry.Tags.Residual, residual);
        activity.SetEndTime(end.UtcDateTime);
        return activity;
    }
}
