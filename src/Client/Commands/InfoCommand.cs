using System.CommandLine;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics;
using Idl.Numerics.Models;
using Idl.Numerics.StateMatrices;
using Idl.Numerics.WellPosedness;

namespace Idl.Client.Commands;

/// <summary><c>idl info</c>: shapes, metadata and the well-posedness report of a saved model.</summary>
internal static class InfoCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var modelPath = ModelOptions.ModelPath();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var command = new Command("info", "Well-posedness report: ||A||inf, certified lambda_PF(N(A, gamma)) interval, triangular structure, sparsity.");
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
            o["precision"] = stored.Precision.Name();
            o["state_matrix"] = FormName(stored.Form);
            if (stored.Rank is { } rank) o["rank"] = rank;
            if (stored.NonZeros is { } nnz) o["nonzeros_A"] = nnz;
            o["file_bytes"] = stored.FileBytes;
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
                output.Out.WriteLine($"{path}: n={model.StateSize}, p={model.InputSize}, q={model.OutputSize}, activation {model.Activation}, {stored.Precision.Name()}");
                output.Out.WriteLine(FormattableString.Invariant($"A stored {stored.FormDescription}; file {stored.FileBytes:N0} bytes"));
                // Rounded outward, so that the printed interval still contains lambda_PF; the quantity is that of N(A, gamma),
                // the matrix of the activation's Lipschitz constants (|A| for relu and tanh, |A|/4 for sigmoid).
                output.Out.WriteLine(FormattableString.Invariant(
                    $"||A||inf = {report.InfinityNorm:F6}; lambda_PF(N(A, gamma)) in [{Reports.RoundDown(report.PerronFrobenius.Lower):F6}, {Reports.RoundUp(report.PerronFrobenius.Upper):F6}]; sparsity {report.Sparsity:P1}"));
                if (report.Structure is { IsStrict: true })
                    output.Out.WriteLine("A is strictly (block) triangular (a feed-forward network): well-posed for any A and solved exactly by back-substitution, so kappa does not bound ||A||inf.");
                output.Out.WriteLine($"verdict: {report.Verdict}: {report.Reason}");
                if (stored.Metadata.ClassNames.Length > 0) output.Out.WriteLine($"classes: {string.Join(", ", stored.Metadata.ClassNames)}");
                if (!stored.HeaderVerified)
                    output.Out.WriteLine($"unverified: format version {stored.Version} checksums the tensors only; the header (activation, standardisation, metadata) is not covered. Re-save with this idl to protect it.");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>The form's name in JSON: dense, low-rank or sparse.</summary>
    internal static string FormName(StateMatrixForm form) => form switch
    {
        StateMatrixForm.LowRank => "low-rank",
        StateMatrixForm.Sparse => "sparse",
        _ => "dense",
    };

    private static JsonObject Describe(ImplicitModel<double> model, WellPosednessReport report) => new()
    {
        ["n"] = model.StateSize,
        ["p"] = model.InputSize,
        ["q"] = model.OutputSize,
        ["activation"] = model.Activation.ToString(),
        ["inf_norm_A"] = Reports.Round(report.InfinityNorm),
        ["lambda_pf_of"] = "N(A, gamma)",
        ["lambda_pf_lower"] = Reports.RoundDown(report.PerronFrobenius.Lower),
        ["lambda_pf_upper"] = Reports.RoundUp(report.PerronFrobenius.Upper),
        ["triangular"] = report.Structure is not null,
        ["strictly_triangular"] = report.Structure?.IsStrict ?? false,
        ["sparsity"] = Reports.Round(report.Sparsity),
        ["verdict"] = report.Verdict.ToString(),
        ["reason"] = report.Reason,
        ["conditions"] = report.Conditions.ToString(),
    };
}
