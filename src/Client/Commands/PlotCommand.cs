using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Client.Plots;
using Idl.Grains.Contracts;

namespace Idl.Client.Commands;

/// <summary><c>idl plot --run ID | --sweep ID | --log FILE --out x.png</c>: the dashboard's curves as a PNG, for a
/// user without a browser or a CI job.</summary>
internal static class PlotCommand
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var run = new Option<string?>("--run") { Description = "A run of --cluster: loss and accuracy per epoch, loss and iterations per step." };
        var sweep = new Option<string?>("--sweep") { Description = "A sweep of --cluster: every trial's learning curve, the metric against each swept parameter." };
        var log = new Option<string?>("--log") { Description = "The JSON lines of idl train --json (a file): loss and accuracy per epoch." };
        var outPath = new Option<string>("--out") { Description = "The PNG file to write.", Required = true };
        var width = new Option<int>("--width") { Description = "Width in pixels.", DefaultValueFactory = _ => 1200 };
        var height = new Option<int>("--height") { Description = "Height in pixels.", DefaultValueFactory = _ => 800 };
        var cluster = new Option<string?>("--cluster") { Description = "The cluster of --run or --sweep: gateways host:port,host:port or azure:<connection string>." };
        var connect = new ClusterConnectOptions(cluster);
        var command = new Command("plot", "Plot a run's or a sweep's curves, or a training log, as a PNG.");
        foreach (var option in new Option[] { run, sweep, log, outPath, width, height, cluster }) command.Options.Add(option);
        connect.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = new CliOutput(stdout, stderr, json: false);
            var (runId, sweepId, logPath) = (parse.GetValue(run), parse.GetValue(sweep), parse.GetValue(log));
            if (new[] { runId, sweepId, logPath }.Count(v => v is not null) != 1) throw new UsageException("Give exactly one of --run, --sweep or --log.");
            var (w, h) = (parse.GetValue(width), parse.GetValue(height));
            if (w is < 100 or > 10000) throw UsageException.For("--width", w, "must be 100 to 10000 pixels");
            if (h is < 100 or > 10000) throw UsageException.For("--height", h, "must be 100 to 10000 pixels");
            IReadOnlyList<PlotPanel> panels;
            if (logPath is not null) panels = CurvePanels.Run(ReadLog(logPath));
            else
            {
                if (connect.Target(parse) is not { } target) throw new UsageException("--run and --sweep read a running cluster: give --cluster.");
                await using var connection = await OrleansConnection.OpenAsync(target, connect.TelemetryFor(parse), cancellationToken);
                panels = runId is not null ? await RunPanelsAsync(connection.Grains, runId, cancellationToken) : await SweepPanelsAsync(connection.Grains, sweepId!, cancellationToken);
            }
            string path = parse.GetValue(outPath)!;
            PngPlotter.Save(path, panels, w, h);
            output.Result($"plot written to {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The epoch lines of a training log; other lines (the final summary) are skipped.</summary>
    internal static IReadOnlyList<EpochPoint> ReadLog(string path)
    {
        if (!File.Exists(path)) throw UsageException.For("--log", path, "no such file");
        var epochs = new List<EpochPoint>();
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || !line.TrimStart().StartsWith('{')) continue;
            try
            {
                if (JsonNode.Parse(line) is JsonObject o && EpochPoint.From(o) is { } e) epochs.Add(e);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw UsageException.For("--log", $"{path}:{number}", $"is not an epoch line of idl train --json ({e.Message})");
            }
        }
        return epochs.Count > 0 ? epochs : throw UsageException.For("--log", path, "has no epoch lines (write it with idl train --json > file)");
    }

    private static async Task<IReadOnlyList<PlotPanel>> RunPanelsAsync(IGrainFactory grains, string id, CancellationToken cancellationToken)
    {
        await EnsureRunAsync(grains, id, "--run", cancellationToken);
        var status = await grains.GetGrain<ITrainingCoordinatorGrain>(id).StatusAsync().WaitAsync(CallTimeout, cancellationToken);
        var history = await grains.GetGrain<IRunHistoryGrain>(id).HistoryAsync().WaitAsync(CallTimeout, cancellationToken);
        return CurvePanels.Run([.. status.Epochs.Select(EpochPoint.From)], history);
    }

    private static async Task<IReadOnlyList<PlotPanel>> SweepPanelsAsync(IGrainFactory grains, string id, CancellationToken cancellationToken)
    {
        var status = await grains.GetGrain<ISweepGrain>(id).StatusAsync().WaitAsync(CallTimeout, cancellationToken);
        if (status.State == SweepRunState.None) throw UsageException.For("--sweep", id, "no such sweep on this cluster");
        var runs = (await grains.GetGrain<IRunRegistryGrain>("default").ListAsync().WaitAsync(CallTimeout, cancellationToken)).ToHashSet();
        var curves = new Dictionary<string, IReadOnlyList<EpochSummary>>();
        foreach (var t in status.Trials.Where(t => runs.Contains(t.TrialId)))
            curves[t.TrialId] = (await grains.GetGrain<ITrainingCoordinatorGrain>(t.TrialId).StatusAsync().WaitAsync(CallTimeout, cancellationToken)).Epochs;
        return CurvePanels.Sweep(status, curves);
    }

    private static async Task EnsureRunAsync(IGrainFactory grains, string id, string option, CancellationToken cancellationToken)
    {
        if (!(await grains.GetGrain<IRunRegistryGrain>("default").ListAsync().WaitAsync(CallTimeout, cancellationToken)).Contains(id))
            throw UsageException.For(option, id, "no such run on this cluster (see idl runs list)");
    }
}
