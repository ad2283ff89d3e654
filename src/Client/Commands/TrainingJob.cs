using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Data;
using Idl.Numerics.Data.Preparation;
using Idl.Numerics.Models;
using Idl.Numerics.Serialization;
using Idl.Numerics.Solvers;
using Idl.Numerics.Training;

namespace Idl.Client.Commands;

/// <summary>One training run on this machine: split, standardise, initialise, train, report, save.</summary>
internal sealed class TrainingJob(TrainSettings settings, string dataSpec, CliOutput output)
{
    /// <summary>Where <c>--plot</c> writes the curves at the end (null: nowhere).</summary>
    public string? PlotPath { get; init; }

    public int Run<T>(LoadedData loaded, CancellationToken cancellationToken) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var clock = Stopwatch.StartNew();
        // The same preparation as the cluster's shards apply (hold-out rule, scalings from sums): DataPreparation.
        var prepared = DataPreparation.Prepare(loaded, dataSpec, settings.Standardize, settings.ValidationFraction, settings.Seed);
        var (train, validation, standardization, targetScaling) = (prepared.Train, prepared.Validation, prepared.InputScaling, prepared.TargetScaling);
        var test = prepared.Test;
        ClassCoverage.Check(train, test, dataSpec, output);
        output.Info($"data {dataSpec}: {train.SampleCount} train, {validation?.SampleCount ?? 0} validation, {test?.SampleCount ?? 0} test samples, {train.FeatureCount} features, {train.OutputCount} outputs ({train.Task})");

        int n = settings.Hidden, p = train.FeatureCount, q = train.OutputCount;
        var model = ModelInitializer.Create<T>(n, p, q, ActivationMap.Uniform(ActivationParser.Parse(settings.Activation), n), settings.Seed, settings.Bias);
        var options = settings.Training;
        WellPosednessConstraint? constraint = null;
        if (settings.FeedForwardLayers is { } layers)
        {
            // A feed-forward network needs its own fan-in scaled initialisation: the implicit model's N(0, 1)/n makes a
            // deep ReLU stack start with vanishing signals. The widths match FeedForwardPattern's blocks.
            var widths = Enumerable.Range(0, layers).Select(l => n / layers + (l == layers - 1 ? n % layers : 0)).ToArray();
            model = Idl.Numerics.Composition.FeedForwardConversion.ToImplicit(
                FeedForwardNetwork<T>.Random(p, widths, q, ActivationParser.Parse(settings.Activation), settings.Seed));
            constraint = FeedForwardPattern.Create(n, p, q, layers);
            options = options with { Solver = SolverKind.Triangular };
        }
        var progress = new SyncProgress<EpochReport>(r => ReportEpoch(r, options.Epochs));
        output.Info($"training n={n} ({(settings.FeedForwardLayers is { } l ? $"feed-forward, {l} layers" : "implicit")}), {settings.Trainer}, {options.Optimizer}, batch {options.BatchSize}, lr {options.LearningRate}, kappa {options.Kappa}, {settings.Precision.ToString().ToLowerInvariant()}");
        TrainingResult<T> result = settings.Trainer switch
        {
            "bcd" => new BlockCoordinateTrainer<T>(model, train, options, settings.BcdRounds, settings.Ridge) { TargetScaling = targetScaling }
                .Train(validation, test, progress, cancellationToken),
            "fenchel" => new Idl.Numerics.Training.Fenchel.FenchelTrainer<T>(model, train, options) { TargetScaling = targetScaling }
                .Train(test, progress, cancellationToken),
            _ => WithProgressBar(new ProjectedGradientTrainer<T>(model, train, options, constraint) { TargetScaling = targetScaling })
                .Train(validation, test, progress, cancellationToken),
        };

        var summary = Summary(result, train, clock.Elapsed.TotalSeconds);
        var onTrain = Evaluation.Run(result.Model, train, SolverFactory.Create(options.Solver, options.Forward),
            targetScaling: targetScaling);
        if (onTrain.Accuracy is { } trainAccuracy) summary["train_accuracy"] = Reports.Round(trainAccuracy);
        if (onTrain.Rmse is { } trainRmse) summary["train_rmse"] = Reports.Round(trainRmse);
        if (settings.OutPath is { } path)
        {
            ModelFile.Save(path, result.Model, Metadata(train, standardization, targetScaling, options, result));
            summary["model"] = Path.GetFullPath(path);
            output.Info($"model written to {path}");
        }
        if (PlotPath is { } plot) Plots.PlotFiles.Write(plot, Plots.CurvePanels.Run([.. result.Epochs.Select(Plots.EpochPoint.From)]), output);
        if (output.Json) output.WriteObject(summary);
        else output.Result($"done: {Describe(result.Epochs[^1])}, {summary["train_seconds_total"]} s training");
        NonConvergence.Warn(result.Epochs, options.Forward.MaxIterations, output);
        return ExitCodes.Success;
    }

    private ProjectedGradientTrainer<T> WithProgressBar<T>(ProjectedGradientTrainer<T> trainer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ProgressBar? bar = null;
        trainer.StepCompleted = (done, total) =>
        {
            if (done == 1) bar = output.Progress("steps", total);
            bar?.Update(done);
        };
        return trainer;
    }

    private void ReportEpoch(EpochReport r, int epochs)
    {
        if (output.Json) output.WriteObject(Reports.Epoch(r));
        if (r.Phase == "readout")
        {
            output.Info($"epoch {r.Epoch}/{epochs} read-out (least squares): {Describe(r)}");
            return;
        }
        // A triangular solve is exact: it has no iterations, and kappa does not bound ||A||inf.
        string solves = settings.FeedForwardLayers is null
            ? FormattableString.Invariant($"iterations {r.ForwardIterationsMean:F1}/{r.BackwardIterationsMean:F1}")
            : "triangular A, solved exactly";
        output.Info($"epoch {r.Epoch}/{epochs}: {Describe(r)}, {r.SamplesPerSecond:F0} samples/s, {solves}, ||A||inf {r.InfNormA:F4}");
    }

    private static string Describe(EpochReport r) => string.Create(CultureInfo.InvariantCulture,
        $"train loss {r.TrainLoss:F4}, test loss {r.TestLoss:F4}{(r.TestAccuracy is { } a ? $", test accuracy {a:F4}" : "")}{(r.TestRmse is { } e ? $", test RMSE {e:F4}" : "")}");

    private JsonObject Summary<T>(TrainingResult<T> result, Dataset train, double wallSeconds) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var last = result.Epochs[^1];
        double trainSeconds = result.Epochs.Sum(e => e.TrainSeconds);
        var o = new JsonObject
        {
            ["final"] = true,
            ["epochs"] = result.Epochs.Count,
            ["train_seconds_total"] = Math.Round(trainSeconds, 3),
            ["wall_seconds"] = Math.Round(wallSeconds, 3),
            ["samples_per_second"] = Math.Round(train.SampleCount * (double)result.Epochs.Count / Math.Max(trainSeconds, 1e-9), 1),
            ["train_loss"] = Reports.Round(last.TrainLoss),
            ["test_loss"] = last.TestLoss is { } tl ? Reports.Round(tl) : null,
        };
        if (last.TestAccuracy is { } acc) o["test_accuracy"] = Reports.Round(acc);
        if (last.TestRmse is { } rmse) o["test_rmse"] = Reports.Round(rmse);
        o["inf_norm_A"] = Reports.Round(Norms.InfinityNorm(result.Model.A));
        o["non_converged_solves"] = result.Epochs.Sum(e => e.NonConvergedSolves);
        o["stopped_early"] = result.StoppedEarly;
        o["hidden"] = settings.Hidden;
        o["batch"] = settings.Training.BatchSize;
        // A feed-forward (triangular) model is well-posed for any A: kappa bounds nothing there.
        o["kappa"] = settings.FeedForwardLayers is null ? settings.Training.Kappa : null;
        o["precision"] = settings.Precision.ToString().ToLowerInvariant();
        o["trainer"] = settings.FeedForwardLayers is null ? settings.Trainer : "feedforward";
        o["dropped_features"] = new JsonArray(result.Sparsity.DroppedFeatures.Select(i => (JsonNode)i).ToArray());
        o["dropped_states"] = new JsonArray(result.Sparsity.DroppedStates.Select(i => (JsonNode)i).ToArray());
        o["peak_memory_bytes"] = Process.GetCurrentProcess().PeakWorkingSet64;
        return o;
    }

    private ModelMetadata Metadata<T>(Dataset train, Standardization? s, Standardization? targets, TrainingOptions options, TrainingResult<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var last = result.Epochs[^1];
        return new ModelMetadata
        {
            Task = train.Task == DataTask.Classification ? "classification" : "regression",
            Classes = train.ClassCount,
            Kappa = options.Kappa,
            Solver = SolverFactory.Name(options.Solver),
            Tolerance = options.Forward.AbsoluteTolerance ?? 3e-6,
            MaxIterations = options.Forward.MaxIterations,
            InputMean = s?.Mean.ToArray() ?? [],
            InputStd = s?.Std.ToArray() ?? [],
            TargetMean = targets?.Mean.ToArray() ?? [],
            TargetStd = targets?.Std.ToArray() ?? [],
            FeatureNames = train.FeatureNames?.ToArray() ?? [],
            ClassNames = train.ClassNames?.ToArray() ?? [],
            Provenance = new Dictionary<string, string>
            {
                ["data"] = dataSpec,
                ["trainer"] = settings.Trainer,
                ["epochs"] = result.Epochs.Count.ToString(CultureInfo.InvariantCulture),
                ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
                ["command"] = string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                ["created_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["tool"] = "idl " + typeof(TrainingJob).Assembly.GetName().Version,
                ["final_test"] = Describe(last),
            },
        };
    }
}
