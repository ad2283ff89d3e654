using System.CommandLine;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics.Models;
using Idl.Numerics.WellPosedness;

namespace Idl.Client.Commands;

/// <summary><c>idl info</c>: shapes, metadata and the well-posedness report of a saved model.</summary>
internal static class InfoCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var modelPath = ModelOptions.ModelPath();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var command = new Command("info", "Well-posedness report: ||A||inf, certified lambda_PF(|A|) interval, triangular structure, sparsity.");
        command.Options.Add(modelPath);
        command.Options.Add(json);
        command.SetAction((parse, _) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(json));
            string path = parse.GetValue(modelPath)!;
            var stored = ModelOptions.Load(path);
            var model = stored.Model<double>();
            var report = WellPosednessReport.Analyze(model.A, model.Activation);
            var o = Describe(model, report);
            o["precision"] = stored.Precision;
            o["format_version"] = stored.Version;
            o["header_verified"] = stored.HeaderVerified;
            if (stored.Metadata.ClassNames.Length > 0) o["class_names"] = new JsonArray(stored.Metadata.ClassNames.Select(n => (JsonNode)n).ToArray());
            o["task"] = stored.Metadata.Task;
            o["kappa"] = stored.Metadata.Kappa;
            o["solver"] = stored.Metadata.Solver;
            o["provenance"] = new JsonObject(stored.Metadata.Provenance.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
            if (output.Json) output.WriteObject(o);
            else
            {
                output.Out.WriteLine($"{path}: n={model.StateSize}, p={model.InputSize}, q={model.OutputSize}, activation {model.Activation}, {stored.Precision}");
                output.Out.WriteLine(FormattableString.Invariant($"||A||inf = {report.InfinityNorm:F6}; lambda_PF(|A|) in [{report.PerronFrobenius.Lower:F6}, {report.PerronFrobenius.Upper:F6}]; sparsity {report.Sparsity:P1}"));
                output.Out.WriteLine($"verdict: {report.Verdict}: {report.Reason}");
                if (stored.Metadata.ClassNames.Length > 0) output.Out.WriteLine($"classes: {string.Join(", ", stored.Metadata.ClassNames)}");
                if (!stored.HeaderVerified)
                    output.Out.WriteLine($"unverified: format version {stored.Version} checksums the tensors only; the header (activation, standardisation, metadata) is not covered. Re-save with this idl to protect it.");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static JsonObject Describe(ImplicitModel<double> model, WellPosednessReport report) => new()
    {
        ["n"] = model.StateSize,
        ["p"] = model.InputSize,
        ["q"] = model.OutputSize,
        ["activation"] = model.Activation.ToString(),
        ["inf_norm_A"] = Reports.Round(report.InfinityNorm),
        ["lambda_pf_lower"] = Reports.Round(report.PerronFrobenius.Lower),
        ["lambda_pf_upper"] = Reports.Round(report.PerronFrobenius.Upper),
        ["triangular"] = report.Structure is not null,
        ["strictly_triangular"] = report.Structure?.IsStrict ?? false,
        ["sparsity"] = Reports.Round(report.Sparsity),
        ["verdict"] = report.Verdict.ToString(),
        ["reason"] = report.Reason,
        ["conditions"] = report.Conditions.ToString(),
    };
}
