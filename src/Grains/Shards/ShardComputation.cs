using System.Diagnostics;
using System.Numerics;
using Idl.Grains.Contracts;
using Idl.Grains.Telemetry;
using Idl.Numerics;
using Idl.Numerics.Data;
using Idl.Numerics.Gradients;
using Idl.Numerics.Losses;
using Idl.Numerics.Models;
using Idl.Numerics.Training;

namespace Idl.Grains.Shards;

/// <summary>The numerics of one shard step, on immutable inputs only (it runs off the grain's scheduler): the
/// single-process trainer's step with a sum-reduced loss, so that the gradients are sums over the shard's samples.</summary>
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
        var settings = request.Spec.Solver ?? new SolverSettings();
        var solver = settings.Create();
        // The shard's loss is a sum, so its adjoint V is the single-process (mean-loss) adjoint times the step's
        // sample count M: the same per-column absolute tolerance would stop ~M times tighter (~35 % more adjoint time
        // at M = 1024). Scaling it by M stops where the single-process trainer stops.
        int stepSamples = request.StepSamples > 0 ? request.StepSamples : indices.Length;
        var adjointSolver = (settings with { Tolerance = settings.Tolerance * stepSamples }).Create();
        var batch = data.Train.Batch<T>(indices);
        prepare?.Dispose();
        var loss = data.Train.Task == DataTask.Classification ? (ILoss)new SoftmaxCrossEntropy(Reduction.Sum) : new SquaredLoss(Reduction.Sum);

        using var forward = TrainingTelemetry.Source.StartActivity("shard.forward");
        var equilibrium = solver.SolveForward(model.A, model.Activation, model.InputTerm(batch.U), states);
        var output = model.Output(equilibrium.State, batch.U);
        var g = new Matrix<T>(output.Rows, output.Cols);
        double lossSum = loss.Evaluate(batch.Y, output, g);
        int correct = batch.Labels is { } labels ? Evaluation.CountCorrect(output, labels) : 0;
        Tag(forward, request, indices.Length, equilibrium.Iterations, equilibrium.Residual);
        forward?.Dispose();

        using var adjoint = TrainingTelemetry.Source.StartActivity("shard.adjoint");
        var gradient = ImplicitDifferentiation.Compute(model, batch.U, equilibrium.State, g, adjointSolver, adjointWarmStart: adjoints);
        Tag(adjoint, request, indices.Length, gradient.Adjoint.Iterations, gradient.Adjoint.Residual);

        var stats = new SolveStats(equilibrium.Iterations, gradient.Adjoint.Iterations, equilibrium.Residual, gradient.Adjoint.Residual,
            (equilibrium.IsConverged ? 0 : 1) + (gradient.Adjoint.IsConverged ? 0 : 1), clock.Elapsed.TotalSeconds);
        // The gradients are fresh arrays that nothing else holds: the payloads take them over instead of copying.
        var contribution = new ShardContribution(request.Spec.ShardIndex, request.Step,
            MatrixPayload.Wrap(gradient.A), MatrixPayload.Wrap(gradient.B), MatrixPayload.Wrap(gradient.C), MatrixPayload.Wrap(gradient.D),
            gradient.StateBias is { } b ? MatrixPayload.Wrap(1, b.Length, b) : null,
            gradient.OutputBias is { } c ? MatrixPayload.Wrap(1, c.Length, c) : null,
            lossSum, indices.Length, correct, stats);
        adjoint?.SetTag(TrainingTelemetry.Tags.Bytes, contribution.WireBytes);
        TrainingTelemetry.SolverIterations.Record(equilibrium.Iterations);
        return new Result<T>(contribution, equilibrium.State, gradient.Adjoint.State);
    }

    public static ShardEvaluation Evaluate(Dataset? test, ModelParameters parameters, SolverSettings solver) =>
        parameters.A.Element == PayloadElement.Float32 ? Evaluate<float>(test, parameters, solver) : Evaluate<double>(test, parameters, solver);

    private static ShardEvaluation Evaluate<T>(Dataset? test, ModelParameters parameters, SolverSettings solver) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (test is null) return new ShardEvaluation(0, 0, 0, 0);
        var model = parameters.AsModel<T>();
        CheckShapes(model, test);
        var e = Evaluation.Run(model, test, solver.Create());
        int m = test.SampleCount;
        double squared = e.Rmse is { } r ? r * r * m * test.OutputCount : 0;
        return new ShardEvaluation(e.Loss * m, m, e.Accuracy is { } a ? (int)Math.Round(a * m) : 0, squared);
    }

    private static void CheckShapes<T>(ImplicitModel<T> model, Dataset data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (model.InputSize != data.FeatureCount || model.OutputSize != data.OutputCount)
            throw new ArgumentException(
                $"The model takes {model.InputSize} features and gives {model.OutputSize} outputs but the shard's data has {data.FeatureCount} and {data.OutputCount}.");
    }

    private static void Tag(Activity? activity, ShardStepRequest request, int samples, int iterations, double residual)
    {
        if (activity is null) return;
        activity.SetTag(TrainingTelemetry.Tags.Shard, request.Spec.ShardIndex);
        activity.SetTag(TrainingTelemetry.Tags.Step, request.Step);
        activity.SetTag(TrainingTelemetry.Tags.Samples, samples);
        activity.SetTag(TrainingTelemetry.Tags.Iterations, iterations);
        activity.SetTag(TrainingTelemetry.Tags.Residual, residual);
    }
}
