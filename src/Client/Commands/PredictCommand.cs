using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics;
using Idl.Numerics.Data;
using Idl.Numerics.Models;
using Idl.Numerics.Serialization;
using Idl.Numerics.Solvers;

namespace Idl.Client.Commands;

/// <summary><c>idl predict</c>: one prediction per sample (class and scores, or values).</summary>
internal static class PredictCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var modelPath = ModelOptions.ModelPath();
        var part = ModelOptions.Part();
        var data = new DataOptions();
        var json = new Option<bool>("--json") { Description = "One JSON object per sample on stdout (else CSV)." };
        var command = new Command("predict", "Predict with a saved model; CSV (index,prediction) or JSON lines on stdout.");
        command.Options.Add(modelPath);
        command.Options.Add(part);
        command.Options.Add(json);
        data.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(json));
            string path = parse.GetValue(modelPath)!;
            var stored = ModelOptions.Load(path);
            var dataset = ModelOptions.Prepare(stored, data.Load(parse, seed: 0), parse.GetValue(part)!, path);
            return Task.FromResult(stored.Precision == Precision.Float64
                ? Run(stored.Structured<double>(), stored, dataset, output, cancellationToken)
                : Run(stored.Structured<float>(), stored, dataset, output, cancellationToken));
        });
        return command;
    }

    private static int Run<T>(StructuredModel<T> model, StoredModel stored, Dataset data, CliOutput output, CancellationToken ct)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var solver = ModelOptions.Solver(stored);
        bool classification = stored.Metadata.Task == "classification";
        if (!output.Json) output.Out.WriteLine(classification ? "index,prediction" : "index," + string.Join(',', Enumerable.Range(0, model.OutputSize).Select(i => $"y{i}")));
        var progress = output.Progress("predict", data.SampleCount);
        int failed = 0;
        for (int start = 0; start < data.SampleCount; start += 1024)
        {
            ct.ThrowIfCancellationRequested();
            int count = Math.Min(1024, data.SampleCount - start);
            var batch = data.Batch<T>(Enumerable.Range(start, count).ToArray());
            var prediction = model.Predict(batch.U, solver);
            if (!prediction.Equilibrium.IsConverged) failed++;
            // Regression outputs go back to the target's own units.
            if (!classification && ModelOptions.TargetScaling(stored) is { } targets) targets.Invert(prediction.Output);
            for (int j = 0; j < count; j++) Write(output, start + j, prediction.Output, j, classification, stored.Metadata.ClassNames);
            progress.Update(start + count);
        }
        if (failed > 0) NonConvergence.Explain(failed, (data.SampleCount + 1023) / 1024, stored.Metadata.MaxIterations, stored.Metadata.Tolerance, output);
        return failed == 0 ? ExitCodes.Success : ExitCodes.NotConverged;
    }

    private static void Write<T>(CliOutput output, int index, Matrix<T> y, int col, bool classification, string[] classNames)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = Enumerable.Range(0, y.Rows).Select(i => double.CreateTruncating(y[i, col])).ToArray();
        int best = Array.IndexOf(values, values.Max());
        if (output.Json)
        {
            var o = new JsonObject { ["index"] = index };
            if (classification && classNames.Length > 0) (o["prediction"], o["class"]) = (classNames[best], best);
            else if (classification) o["prediction"] = best;
            o["scores"] = new JsonArray(values.Select(v => (JsonNode)Reports.Round(v)).ToArray());
            output.WriteObject(o);
        }
        else output.Out.WriteLine(classification
            ? FormattableString.Invariant($"{index},{(classNames.Length > 0 ? CsvCell(classNames[best]) : best)}")
            : FormattableString.Invariant($"{index},") + string.Join(',', values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
    }

    // A class name with a comma or quote must stay one CSV cell.
    private static string CsvCell(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
