using System.CommandLine;
using Idl.Client.Output;
using Idl.Numerics.Kernels;

namespace Idl.Client.Commands;

/// <summary><c>idl train</c>: projected-gradient or block-coordinate training on one machine.</summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new DataOptions();
        var o = new TrainOptions();
        var cluster = new ClusterOptions();
        var plot = new Option<string?>("--plot") { Description = "Write the loss and accuracy curves to this PNG file at the end." };
        var command = new Command("train", "Train an implicit model and report one JSON object per epoch with --json.");
        data.AddTo(command);
        o.AddTo(command);
        cluster.AddTo(command);
        command.Options.Add(plot);
        command.SetAction((parse, cancellationToken) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(o.Json));
            var settings = o.Read(parse);
            TrainPreflight.Check(settings, parse, cluster, parse.GetValue(data.Data)!);
            ComputeThreads.Set(parse.GetValue(o.Threads));
            if (cluster.IsDistributed(parse))
                return new DistributedTrainingJob(settings, parse.GetValue(data.Data)!, data.Reading(parse), output) { PlotPath = parse.GetValue(plot) }
                    .RunAsync(cluster, parse, DataOptions.ConnectionFor(parse, data.DataConnection), cancellationToken);
            if (parse.GetValue(cluster.Dashboard)) throw new UsageException("--dashboard is served by the embedded silo of a cluster run: add --shards K.");
            // The single-process trainer has no spans of its own yet: say so rather than export nothing.
            if (parse.GetValue(cluster.Connect.Telemetry) is { } exporter && exporter != "none")
                throw UsageException.For("--telemetry", exporter, "is exported by the cluster path only: add --shards K (an embedded silo) or --cluster");
            var loaded = data.Load(parse, settings.Seed, settings.Limit);
            var job = new TrainingJob(settings, parse.GetValue(data.Data)!, output) { PlotPath = parse.GetValue(plot) };
            return Task.FromResult(settings.Precision == Idl.Numerics.Precision.Float64
                ? job.Run<double>(loaded, cancellationToken)
                : job.Run<float>(loaded, cancellationToken));
        });
        return command;
    }
}
