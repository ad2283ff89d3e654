using System.CommandLine;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics;
using Idl.Numerics.Training;

namespace Idl.Client.Commands;

/// <summary><c>idl evaluate</c>: loss and accuracy (or RMSE) of a saved model on a data set.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var modelPath = ModelOptions.ModelPath();
        var part = ModelOptions.Part();
        var data = new DataOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var command = new Command("evaluate", "Evaluate a saved model on a data set (its test part by default).");
        command.Options.Add(modelPath);
        command.Options.Add(part);
        command.Options.Add(json);
        data.AddTo(command);
        command.SetAction((parse, _) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(json));
            string path = parse.GetValue(modelPath)!;
            var stored = ModelOptions.Load(path);
            var dataset = ModelOptions.Prepare(stored, data.Load(parse, seed: 0), parse.GetValue(part)!, path);
            var eval = stored.Precision == Precision.Float64
                ? Evaluation.Run(stored.Structured<double>(), dataset, ModelOptions.Solver(stored), targetScaling: ModelOptions.TargetScaling(stored))
                : Evaluation.Run(stored.Structured<float>(), dataset, ModelOptions.Solver(stored), targetScaling: ModelOptions.TargetScaling(stored));
            var o = new JsonObject { ["samples"] = eval.Samples, ["loss"] = Reports.Round(eval.Loss) };
            if (eval.Accuracy is { } a) o["accuracy"] = Reports.Round(a);
            if (eval.Rmse is { } r) o["rmse"] = Reports.Round(r);
            o["forward_iterations_mean"] = Math.Round(eval.ForwardIterationsMean, 2);
            o["non_converged_batches"] = eval.NonConverged;
            if (output.Json && dataset.Task == Idl.Numerics.Data.DataTask.Classification)
                o["confusion"] = stored.Precision == Precision.Float64
                    ? ConfusionTable.Compute(stored.Structured<double>(), dataset, ModelOptions.Solver(stored), stored.Metadata.ClassNames)
                    : ConfusionTable.Compute(stored.Structured<float>(), dataset, ModelOptions.Solver(stored), stored.Metadata.ClassNames);
            if (output.Json) output.WriteObject(o);
            else output.Result($"{eval.Samples} samples: loss {eval.Loss:F4}{(eval.Accuracy is { } acc ? $", accuracy {acc:F4}" : "")}{(eval.Rmse is { } rm ? $", RMSE {rm:F4}" : "")}");
            if (eval.NonConverged > 0)
                NonConvergence.Explain(eval.NonConverged, (eval.Samples + 1023) / 1024, stored.Metadata.MaxIterations, stored.Metadata.Tolerance, output);
            return Task.FromResult(eval.NonConverged == 0 ? ExitCodes.Success : ExitCodes.NotConverged);
        });
        return command;
    }
}
