using System.CommandLine;
using System.Globalization;
using Idl.Client.Output;
using Idl.Numerics.Attacks;
using Idl.Numerics.Serialization;

namespace Idl.Client.Commands;

/// <summary>
/// <c>idl attack</c>: the adversarial attacks of §7.3 on a saved classifier — the sensitivity-matrix and gradient
/// saliency attacks at several fractions of perturbed inputs (Table 1), or the LP attack of §7.3.2 per sample.
/// </summary>
internal static class AttackCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var modelPath = ModelOptions.ModelPath();
        var part = ModelOptions.Part();
        var data = new DataOptions();
        var method = new Option<string>("--method") { Description = "sensitivity, gradient or lp.", Required = true };
        var fractions = new Option<string>("--fraction") { Description = "Comma-separated fractions of perturbed inputs (saliency attacks).", DefaultValueFactory = _ => "0.001,0.01,0.1,0.2,0.3" };
        var perturbation = new Option<string>("--perturbation") { Description = "sparse (random values in each input's range) or dense (±epsilon).", DefaultValueFactory = _ => "sparse" };
        var epsilon = new Option<double>("--epsilon") { Description = "Dense step, or the LP attack's box radius, in --epsilon-units.", DefaultValueFactory = _ => 0.1 };
        var units = new Option<string>("--epsilon-units") { Description = "model (the model's inputs, standardised when the model standardises) or raw (the data's own units, e.g. pixels in [0, 1]).", DefaultValueFactory = _ => "model" };
        var target = new Option<string?>("--target") { Description = "What the saliency ranking measures: outputs (column sums of S; sensitivity's default), label (the true class: its row of S, or |d yhat_label/du|, gradient's default) or loss (|d cross-entropy/du|, gradient only)." };
        var cardinality = new Option<int?>("--cardinality") { Description = "LP attack: at most k changed inputs (eq. 4.2)." };
        var objective = new Option<string>("--objective") { Description = "LP attack objective: margin (runner-up class) or distance (§7.3.2).", DefaultValueFactory = _ => "margin" };
        var limit = new Option<int?>("--limit") { Description = "Attack only the first N samples (default: all; 200 for lp)." };
        var images = new Option<string?>("--images") { Description = "Write a few perturbed images as PNG, changed pixels marked red, into this folder." };
        var seed = new Option<int>("--seed") { Description = "Seed of the random perturbations.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per row on stdout." };
        var shards = new Option<int?>("--shards") { Description = "LP attack on Orleans: this many grains at a time (an embedded silo unless --cluster is given)." };
        var cluster = new Option<string?>("--cluster") { Description = "LP attack on a running cluster: gateways host:port,... or azure:<connection string>." };
        var connect = new ClusterConnectOptions(cluster);
        var command = new Command("attack", "Adversarial attacks (paper §7.3): sensitivity matrix, gradient saliency, or LP relaxation.");
        foreach (var o in new Option[] { modelPath, part, method, fractions, perturbation, epsilon, units, target, cardinality, objective, limit, images, seed, json, shards, cluster }) command.Options.Add(o);
        data.AddTo(command);
        connect.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(json));
            string path = parse.GetValue(modelPath)!;
            var stored = ModelOptions.Load(path);
            var model = stored.Model<double>();
            var kind = parse.GetValue(method) switch
            {
                "sensitivity" => AttackMethod.Sensitivity,
                "gradient" => AttackMethod.Gradient,
                "lp" => AttackMethod.Lp,
                var other => throw UsageException.For("--method", other, "must be sensitivity, gradient or lp"),
            };
            bool orleans = parse.GetValue(shards) is not null || parse.GetValue(cluster) is not null;
            if (kind != AttackMethod.Lp && orleans)
                throw UsageException.For("--shards/--cluster", parse.GetValue(method), "only the lp method runs on Orleans");
            if (kind == AttackMethod.Lp && parse.GetValue(perturbation) != "sparse")
                throw UsageException.For("--perturbation", parse.GetValue(perturbation), "applies to the sensitivity and gradient methods only");
            if (kind == AttackMethod.Lp && parse.GetValue(target) is string t)
                throw UsageException.For("--target", t, "applies to the sensitivity and gradient methods only");
            var aim = kind == AttackMethod.Lp ? SaliencyTarget.Label : SaliencyAttackJob.ParseTarget(parse.GetValue(target), kind);
            if (kind != AttackMethod.Lp && (parse.GetValue(cardinality) is not null || parse.GetValue(objective) != "margin"))
                throw UsageException.For("--cardinality/--objective", parse.GetValue(method), "apply to the lp method only");
            if (orleans && parse.GetValue(images) is not null)
                throw UsageException.For("--images", parse.GetValue(images), "is written by the in-process LP attack only (drop --shards/--cluster)");
            if (!orleans && parse.GetValue(connect.Telemetry) != "none")
                throw UsageException.For("--telemetry", parse.GetValue(connect.Telemetry), "is exported by the Orleans path only: add --method lp with --shards K or --cluster");
            int? n = parse.GetValue(limit) ?? (kind == AttackMethod.Lp ? 200 : null);
            if (n is < 1) throw UsageException.For("--limit", n, "must be at least 1");
            var dataset = ModelOptions.Prepare(stored, data.Load(parse, seed: 0), parse.GetValue(part)!, path);
            if (dataset.Task != Idl.Numerics.Data.DataTask.Classification)
                throw UsageException.For("--data", parse.GetValue(data.Data), "attacks need a classification data set");
            var (lower, upper) = AttackRunner.InputRange(dataset);
            if (n is int count && count < dataset.SampleCount) dataset = dataset.Slice(0, count);
            var solver = ModelOptions.Solver(stored);
            double eps = parse.GetValue(epsilon);
            if (!(eps > 0) || !double.IsFinite(eps)) throw UsageException.For("--epsilon", eps, "must be a finite number > 0");
            eps = AttackEpsilon.ToModel(eps, parse.GetValue(units)!, stored.Metadata);
            string? folder = parse.GetValue(images);
            if (folder is not null) Directory.CreateDirectory(folder);
            if (kind == AttackMethod.Lp)
            {
                var lp = new LpAttack(eps, parse.GetValue(cardinality), parse.GetValue(objective) switch
                {
                    "margin" => LpAttackObjective.Margin,
                    "distance" => LpAttackObjective.Distance,
                    var other => throw UsageException.For("--objective", other, "must be margin or distance"),
                });
                int? k = parse.GetValue(shards);
                if (k is < 1) throw UsageException.For("--shards", k, "must be at least 1");
                if (orleans)
                    await DistributedLpAttackJob.RunAsync(output, path, dataset, lp, lower, upper, k, connect.Target(parse), connect.TelemetryFor(parse), cancel);
                else LpAttackJob.Run(output, model, dataset, lp, lower, upper, folder, stored.Metadata, cancel);
                return ExitCodes.Success;
            }
            var pert = parse.GetValue(perturbation) switch
            {
                "sparse" => PerturbationKind.Sparse,
                "dense" => PerturbationKind.Dense,
                var other => throw UsageException.For("--perturbation", other, "must be sparse or dense"),
            };
            SaliencyAttackJob.Run(output, model, dataset, solver, kind, aim,
                new SaliencyAttack(1, pert, eps, parse.GetValue(seed)), ParseFractions(parse.GetValue(fractions)!), lower, upper, folder, stored.Metadata);
            return ExitCodes.Success;
        });
        return command;
    }

    private static double[] ParseFractions(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t =>
        double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && v <= 1
            ? v
            : throw UsageException.For("--fraction", t, "each fraction must be a number in (0, 1]")).ToArray();
}
