using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics;
using Idl.Numerics.Compression;
using Idl.Numerics.Data;
using Idl.Numerics.Robustness;
using Idl.Numerics.WellPosedness;

namespace Idl.Client.Commands;

/// <summary>
/// <c>idl analyze</c>: the robustness report of §4 for a saved model — well-posedness, the Lipschitz bound ρ, the
/// sensitivity matrix (summary, CSV, heatmap), state bounds for a given σᵤ, unused inputs (§5.1), and with --data the
/// share of predictions that no input in the σᵤ box can change (Theorem 4.2, <see cref="CertifiedPredictions"/>).
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var modelPath = ModelOptions.ModelPath();
        var sigma = new Option<double>("--sigma") { Description = "σᵤ: the radius of the input box (eq. 4.1), in model input units, for the state bounds.", DefaultValueFactory = _ => 0.1 };
        var cardinality = new Option<int?>("--cardinality") { Description = "k: at most k changed inputs (eq. 4.2) for the state bounds." };
        var csv = new Option<string?>("--csv") { Description = "Write the sensitivity matrix S (q rows × p columns) to this CSV file." };
        var heatmap = new Option<string?>("--heatmap") { Description = "Write a PNG heatmap of S's column sums (as a square image when p is a square) to this file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var data = new Option<string?>("--data") { Description = "Also certify the predictions on this data (the forms of idl train --data): how many no input in the --sigma box can change (Theorem 4.2)." };
        var part = ModelOptions.Part();
        var command = new Command("analyze", "Robustness report (paper §4): well-posedness, Lipschitz bound, sensitivity matrix, state bounds.");
        foreach (var o in new Option[] { modelPath, sigma, cardinality, csv, heatmap, json, data, part }) command.Options.Add(o);
        command.SetAction((parse, _) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(json));
            string path = parse.GetValue(modelPath)!;
            var stored = ModelOptions.Load(path);
            var model = stored.Model<double>();
            double s = parse.GetValue(sigma);
            if (!(s >= 0) || !double.IsFinite(s)) throw UsageException.For("--sigma", s, "must be a finite number ≥ 0");
            int? k = parse.GetValue(cardinality);
            if (k is < 1 || k > model.InputSize) throw UsageException.For("--cardinality", k, $"must be in 1..p = {model.InputSize}");
            var report = WellPosednessReport.Analyze(model.A, model.Activation);
            var o = new JsonObject
            {
                ["n"] = model.StateSize, ["p"] = model.InputSize, ["q"] = model.OutputSize,
                ["verdict"] = report.Verdict.ToString(),
                ["inf_norm_A"] = Reports.Round(report.InfinityNorm),
                ["lambda_pf_upper"] = Reports.Round(report.PerronFrobenius.Upper),
            };
            o["lipschitz_rho"] = Try(() => LipschitzBound.Compute(model), out string? why) is { } rho ? Reports.Round(rho) : null;
            if (why is not null) o["lipschitz_note"] = why;
            var sens = SensitivityMatrix.Compute(model);
            var sums = SensitivityMatrix.ColumnSums(sens);
            o["sensitivity"] = new JsonObject
            {
                ["max"] = Reports.Round(sens.Data.Max()),
                ["mean"] = Reports.Round(sens.Data.Average()),
                ["inf_norm"] = Reports.Round(Norms.InfinityNorm(sens)),
                ["top_inputs"] = new JsonArray(sums.Select((v, j) => (v, j)).OrderByDescending(t => t.v).Take(10).Select(t => (JsonNode)t.j).ToArray()),
            };
            var sigmaU = Enumerable.Repeat(s, model.InputSize).ToArray();
            var sx = StateBounds.Componentwise(model, sigmaU, k);
            var bounds = new JsonObject { ["sigma_u"] = s, ["cardinality"] = k, ["theorem_4_1_max"] = Reports.Round(sx.Max()), ["theorem_4_1_mean"] = Reports.Round(sx.Average()) };
            bounds["eq_4_3_4_4"] = Try(() => StateBounds.InfinityCardinality(model, sigmaU, k ?? model.InputSize), out string? ignored) is { } inf ? Reports.Round(inf) : null;
            o["state_bounds"] = bounds;
            o["unused_inputs"] = FeatureSelection.UnusedInputs(model).Length;
            if (parse.GetValue(data) is { } spec)
            {
                if (string.IsNullOrWhiteSpace(spec)) throw UsageException.For("--data", "''", "is empty; name the data to certify, e.g. digits");
                var samples = ModelOptions.Prepare(stored, DataSource.Load(spec, new DataReading().ToOptions(seed: 0)), parse.GetValue(part)!, path);
                var c = CertifiedPredictions.Run(model, samples, sigmaU, ModelOptions.Solver(stored), sens);
                o["certified"] = new JsonObject
                {
                    ["data"] = spec, ["samples"] = c.Samples, ["sigma_u"] = s,
                    ["accuracy"] = c.Samples == 0 ? null : Reports.Round((double)c.Correct / c.Samples),
                    ["certified_fraction"] = c.Samples == 0 ? null : Reports.Round((double)c.Certified / c.Samples),
                    ["certified_accuracy"] = c.Samples == 0 ? null : Reports.Round((double)c.CertifiedCorrect / c.Samples),
                    ["mean_output_bound"] = Reports.Round(c.MeanOutputBound),
                };
            }
            if (parse.GetValue(csv) is { } csvPath) WriteCsv(csvPath, sens);
            if (parse.GetValue(heatmap) is { } png) Figures.Heatmap(png, Figures.Square(sums), "sensitivity: column sums of S");
            if (output.Json) output.WriteObject(o);
            else
            {
                output.Out.WriteLine($"n={model.StateSize}, p={model.InputSize}, q={model.OutputSize}; verdict {report.Verdict}; ||A||inf = {report.InfinityNorm.ToString("F6", CultureInfo.InvariantCulture)}");
                output.Out.WriteLine($"Lipschitz bound rho = {o["lipschitz_rho"]?.ToString() ?? "n/a (" + why + ")"}");
                output.Out.WriteLine($"sensitivity S: max {o["sensitivity"]!["max"]}, mean {o["sensitivity"]!["mean"]}, ||S||inf {o["sensitivity"]!["inf_norm"]}; most sensitive inputs {o["sensitivity"]!["top_inputs"]!.ToJsonString()}");
                output.Out.WriteLine($"state bounds for sigma_u = {s.ToString(CultureInfo.InvariantCulture)}{(k is { } kk ? $", k = {kk}" : "")}: Theorem 4.1 max {bounds["theorem_4_1_max"]}, mean {bounds["theorem_4_1_mean"]}; eq. 4.3/4.4 {bounds["eq_4_3_4_4"]?.ToString() ?? "n/a"}");
                output.Out.WriteLine($"inputs unused by the model (zero columns of (B; D)): {o["unused_inputs"]}");
                if (o["certified"] is JsonObject cert)
                    output.Out.WriteLine($"on {cert["data"]} ({cert["samples"]} samples, sigma_u = {s.ToString(CultureInfo.InvariantCulture)}): accuracy {cert["accuracy"]}, "
                        + $"certified {cert["certified_fraction"]} (no input in the box changes their class), certified and correct {cert["certified_accuracy"]}");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static double? Try(Func<double> f, out string? why)
    {
        try
        {
            why = null;
            return f();
        }
        catch (ArgumentException e)
        {
            // The bound does not exist for this model (not CONE, or ‖A‖∞ ≥ 1); the report says why instead.
            why = e.Message.Split(" (Parameter")[0];
            return null;
        }
    }

    private static void WriteCsv(string path, Matrix<double> s)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < s.Rows; i++)
            sb.AppendLine(string.Join(',', Enumerable.Range(0, s.Cols).Select(j => s[i, j].ToString("R", CultureInfo.InvariantCulture))));
        File.WriteAllText(path, sb.ToString());
    }
}
