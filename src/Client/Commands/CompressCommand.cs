using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics;
using Idl.Numerics.Compression;
using Idl.Numerics.Models;
using Idl.Numerics.Serialization;

namespace Idl.Client.Commands;

/// <summary>
/// <c>idl compress</c>: a smaller or cheaper model (§5) — rank-k A = LRᵀ, pruning of A, or removal of dead states —
/// with the accuracy and prediction time before and after, and the Theorem 5.1 error bound.
/// </summary>
internal static class CompressCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var modelPath = ModelOptions.ModelPath();
        var part = ModelOptions.Part();
        var data = new DataOptions();
        var rank = new Option<int?>("--rank") { Description = "Replace A by its best rank-k approximation LRᵀ (§5.3); predictions iterate in z = Rᵀx." };
        var prune = new Option<double?>("--prune") { Description = "Zero this fraction of A's entries (0..1)." };
        var by = new Option<string>("--by") { Description = "Pruning criterion: magnitude or sensitivity (Theorem 5.1 weights).", DefaultValueFactory = _ => "magnitude" };
        var dropDead = new Option<bool>("--drop-dead-states") { Description = "Remove states that nothing reads or that are constant (§5.2); predictions are unchanged." };
        var outPath = new Option<string>("--out") { Description = "Where to write the compressed model.", Required = true };
        var boundSamples = new Option<int>("--bound-samples") { Description = "Samples the Theorem 5.1 bound is evaluated on.", DefaultValueFactory = _ => 1000 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var command = new Command("compress", "Compress a model (paper §5): --rank k, --prune FRACTION or --drop-dead-states; reports accuracy, time and the Theorem 5.1 bound.");
        foreach (var o in new Option[] { modelPath, part, rank, prune, by, dropDead, outPath, boundSamples, json }) command.Options.Add(o);
        data.AddTo(command);
        command.SetAction((parse, _) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(json));
            string path = parse.GetValue(modelPath)!;
            var stored = ModelOptions.Load(path);
            var model = stored.Model<double>();
            int? k = parse.GetValue(rank);
            double? fraction = parse.GetValue(prune);
            bool drop = parse.GetValue(dropDead);
            if ((k is null ? 0 : 1) + (fraction is null ? 0 : 1) + (drop ? 1 : 0) != 1)
                throw UsageException.For("--rank/--prune/--drop-dead-states", "", "give exactly one of them");
            if (k is < 1 || k > model.StateSize) throw UsageException.For("--rank", k, $"must be in 1..n = {model.StateSize}");
            if (fraction is { } f && !(f >= 0 && f <= 1)) throw UsageException.For("--prune", f, "must be in [0, 1]");
            if (fraction is null && parse.GetValue(by) != "magnitude")
                throw UsageException.For("--by", parse.GetValue(by), "applies to --prune only");
            int samples = parse.GetValue(boundSamples);
            if (samples < 1) throw UsageException.For("--bound-samples", samples, "must be at least 1");
            var criterion = parse.GetValue(by) switch
            {
                "magnitude" => PruningCriterion.Magnitude,
                "sensitivity" => PruningCriterion.Sensitivity,
                var other => throw UsageException.For("--by", other, "must be magnitude or sensitivity"),
            };
            var dataset = ModelOptions.Prepare(stored, data.Load(parse, seed: 0), parse.GetValue(part)!, path);
            var solver = ModelOptions.Solver(stored);
            var check = new CompressionCheck(model, dataset, solver, Math.Min(samples, dataset.SampleCount));
            var o = new JsonObject { ["n"] = model.StateSize };
            var dense = StructuredModel<double>.Dense(model);
            // The first pass pays for JIT compilation; timing it would flatter every compressed model.
            check.Measure(dense);
            var before = check.Measure(dense);
            ImplicitModel<double> result;
            StructuredModel<double> compressed;
            string what;
            if (k is int r)
            {
                var low = LowRankModel.FromSvd(model, r);
                (result, compressed) = (low.Model, low.Structured);
                what = $"rank {r}";
                o["lambda_pf_abs_Rt_abs_L_upper"] = Reports.Round(low.WellPosedness().Upper);
                check.AddBound(o, result);
            }
            else if (fraction is { } pf)
            {
                var xbar = criterion == PruningCriterion.Sensitivity ? check.MeanAbsState() : null;
                result = Pruning.Prune(model, pf, criterion, xbar);
                compressed = StoredForm.Pruned(result, stored.Precision);
                what = $"pruned {pf.ToString(CultureInfo.InvariantCulture)} by {parse.GetValue(by)}";
                check.AddBound(o, result);
            }
            else
            {
                (result, var kept) = DimensionReduction.DropDeadStates(model);
                compressed = StructuredModel<double>.Dense(result);
                what = $"dead states dropped ({model.StateSize - kept.Length})";
            }
            o["after"] = check.Measure(compressed);
            o["compression"] = what;
            o["before"] = before;
            o["n_after"] = result.StateSize;
            o["nonzeros_A_after"] = result.A.Data.Count(v => v != 0);
            var metadata = stored.Metadata with { Provenance = new(stored.Metadata.Provenance) { ["compressed"] = $"{what} from {Path.GetFileName(path)}" } };
            string written = parse.GetValue(outPath)!;
            if (stored.Precision == Precision.Float32) ModelFile.Save(written, compressed.Convert<float>(), metadata);
            else ModelFile.Save(written, compressed, metadata);
            o["stored_form"] = InfoCommand.FormName(compressed.A.Form);
            o["stored_A"] = compressed.A.Description;
            o["bytes_before"] = stored.FileBytes;
            o["bytes_after"] = new FileInfo(written).Length;
            if (output.Json) output.WriteObject(o);
            else
            {
                output.Result($"{what}: accuracy {o["before"]!["accuracy"]} -> {o["after"]!["accuracy"]}, prediction {o["before"]!["seconds"]} s -> {o["after"]!["seconds"]} s, n {model.StateSize} -> {result.StateSize}");
                output.Result($"stored A {o["stored_A"]}: file {o["bytes_before"]} -> {o["bytes_after"]} bytes");
                if (o["bound"] is JsonObject b)
                    output.Result($"Theorem 5.1 on {b["samples"]} samples: max |dy| bound {b["max_output_bound"]} (measured {b["max_output_change"]}); predictions certified unchanged {b["certified_unchanged"]}");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
