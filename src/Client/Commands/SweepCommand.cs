using System.CommandLine;
using System.Globalization;
using Idl.Client.Output;
using Idl.Grains.Contracts;
using Idl.Grains.Sweeps;

namespace Idl.Client.Commands;

/// <summary><c>idl sweep</c>: a hyper-parameter sweep over κ, n, learning rate and seed on Orleans (an embedded
/// silo unless <c>--cluster</c> names gateways), with ASHA early stopping; one JSON object per finished trial and a
/// final ranked table with <c>--json</c>.</summary>
internal sealed class SweepCommand
{
    private readonly Option<string> Data = new("--data") { Description = "Data: digits, mnist:<folder>, csv:<file>, … (as train).", DefaultValueFactory = _ => "digits" };
    private readonly Option<string?> DataConnection = DataOptions.CreateConnectionOption();
    private readonly Option<string> Kappa = new("--kappa") { Description = "κ values a,b,c or a range min:max[:log] (random search).", DefaultValueFactory = _ => "0.95" };
    private readonly Option<string> Hidden = new("--hidden") { Description = "State sizes n: a,b,c or min:max (random search).", DefaultValueFactory = _ => "64" };
    private readonly Option<string> LearningRate = new("--lr") { Description = "Learning rates: a,b,c or min:max[:log] (random search).", DefaultValueFactory = _ => "0.005" };
    private readonly Option<string> Seed = new("--seed") { Description = "Training seeds a,b,c; the first also seeds random search.", DefaultValueFactory = _ => "0" };
    private readonly Option<int> Epochs = new("--epochs") { Description = "Epochs of a trial that is never stopped (ASHA's maximum R).", DefaultValueFactory = _ => 3 };
    private readonly Option<int> Batch = new("--batch") { Description = "Mini-batch size.", DefaultValueFactory = _ => 64 };
    private readonly Option<string> Precision = PrecisionOption.Create();
    private readonly Option<int?> Limit = new("--limit") { Description = "Use only the first N training samples." };
    private readonly Option<string> Search = new("--search") { Description = "grid (every combination) or random (--samples draws).", DefaultValueFactory = _ => "grid" };
    private readonly Option<int> Samples = new("--samples") { Description = "Trials drawn by random search.", DefaultValueFactory = _ => 10 };
    private readonly Option<string> Scheduler = new("--scheduler") { Description = "asha (early stopping) or none.", DefaultValueFactory = _ => "asha" };
    private readonly Option<int> Eta = new("--eta") { Description = "ASHA reduction factor η.", DefaultValueFactory = _ => 3 };
    private readonly Option<int> MinEpochs = new("--min-epochs") { Description = "ASHA minimum resource r in epochs.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> Concurrency = new("--concurrency") { Description = "Trials running at once.", DefaultValueFactory = _ => 2 };
    private readonly Option<int> MaxRetries = new("--max-retries") { Description = "Retries of a failed or stalled trial from its checkpoint.", DefaultValueFactory = _ => 2 };
    private readonly Option<double> Deadline = new("--progress-deadline") { Description = "Seconds without progress before a trial counts as stalled.", DefaultValueFactory = _ => 120 };
    private readonly Option<string?> SweepId = new("--sweep-id") { Description = "Sweep id on the cluster (default: a new one)." };
    private readonly Option<string?> Csv = new("--csv") { Description = "Write the ranked results table to this CSV file." };
    private readonly Option<bool> Json = new("--json") { Description = "One JSON object per finished trial, then the ranked table." };

    /// <summary>A new command with its own option instances (commands are built once per invocation, possibly in parallel).</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr) => new SweepCommand().Build(stdout, stderr);

    private Command Build(TextWriter stdout, TextWriter stderr)
    {
        var cluster = new ClusterOptions();
        var command = new Command("sweep", "Sweep κ, n, learning rate and seed with grid or random search and ASHA early stopping.");
        foreach (var option in new Option[] { Data, DataConnection, Kappa, Hidden, LearningRate, Seed, Epochs, Batch, Precision, Limit, Search, Samples, Scheduler, Eta, MinEpochs,
            Concurrency, MaxRetries, Deadline, SweepId, Csv, Json, cluster.Shards, cluster.Cluster, cluster.CheckpointInterval, cluster.Dashboard, cluster.DashboardPort })
            command.Options.Add(option);
        cluster.Connect.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(Json));
            var spec = UsageException.FromSpec(() => SweepSpecValidator.Validate(Read(parse, cluster)));
            if (parse.GetValue(Csv) is { } csv) OutputPath.EnsureWritable("--csv", csv);
            string sweepId = parse.GetValue(SweepId) ?? "sweep-" + Guid.NewGuid().ToString("N")[..12];
            return new SweepJob(spec, sweepId, parse.GetValue(Csv), output).RunAsync(cluster.Target(parse), cluster.Connect.TelemetryFor(parse),
                DataOptions.ConnectionFor(parse, DataConnection), cancellationToken, cluster.DashboardFor(parse));
        });
        return command;
    }

    private SweepSpec Read(ParseResult p, ClusterOptions cluster)
    {
        int[] seeds = [.. ParseList("--seed", p.GetValue(Seed)!).Select(v => v == Math.Floor(v) && Math.Abs(v) <= int.MaxValue ? (int)v
            : throw UsageException.For("--seed", p.GetValue(Seed), "must list whole numbers"))];
        if (p.GetValue(Deadline) is var deadline && !(deadline > 0)) throw UsageException.For("--progress-deadline", deadline, "must be a positive number of seconds");
        return new SweepSpec
        {
            Template = new RunSpec
            {
                DataSpec = p.GetValue(Data)!, BatchSize = p.GetValue(Batch), Precision = PrecisionOption.Parse(p.GetValue(Precision)), Limit = p.GetValue(Limit), Shards = p.GetValue(cluster.Shards) ?? 1,
                CheckpointInterval = p.GetValue(cluster.CheckpointInterval),
            },
            Kappa = Domain("--kappa", p.GetValue(Kappa)!), Hidden = Domain("--hidden", p.GetValue(Hidden)!), LearningRate = Domain("--lr", p.GetValue(LearningRate)!),
            Seeds = seeds, SearchSeed = seeds[0], Epochs = p.GetValue(Epochs), Samples = p.GetValue(Samples), Concurrency = p.GetValue(Concurrency),
            Search = p.GetValue(Search) switch
            {
                "grid" => SearchKind.Grid, "random" => SearchKind.Random,
                var other => throw UsageException.For("--search", other, "must be grid or random"),
            },
            Scheduler = p.GetValue(Scheduler) switch
            {
                "asha" => SchedulerKind.Asha, "none" => SchedulerKind.None,
                var other => throw UsageException.For("--scheduler", other, "must be asha or none"),
            },
            Eta = p.GetValue(Eta), MinEpochs = p.GetValue(MinEpochs), MaxRetries = p.GetValue(MaxRetries), ProgressDeadline = TimeSpan.FromSeconds(deadline),
        };
    }

    // "a,b,c" is a list; "min:max" a range, "min:max:log" a log-uniform one (random search only).
    private static ParameterDomain Domain(string option, string text)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length == 1) return ParameterDomain.Of(ParseList(option, text));
        if (parts.Length > 3 || (parts.Length == 3 && parts[2] != "log"))
            throw UsageException.For(option, text, "must be a list a,b,c or a range min:max or min:max:log");
        return ParameterDomain.Range(Number(option, text, parts[0]), Number(option, text, parts[1]), parts.Length == 3);
    }

    private static double[] ParseList(string option, string text)
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0) throw UsageException.For(option, $"'{text}'", "must list at least one value");
        double[] values = [.. items.Select(item => Number(option, text, item))];
        // The same value twice would run the same trial twice.
        if (values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw UsageException.For(option, text, string.Create(CultureInfo.InvariantCulture, $"lists {repeated.Key} {repeated.Count()} times; give each value once"));
        return values;
    }

    private static double Number(string option, string text, string item) =>
        double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
            : throw UsageException.For(option, text, $"'{item}' is not a number");
}
