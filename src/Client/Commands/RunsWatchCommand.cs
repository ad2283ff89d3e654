using System.CommandLine;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Grains.Contracts;

namespace Idl.Client.Commands;

/// <summary><c>idl runs watch &lt;run-id&gt;</c>: follow a run started elsewhere (e.g. with <c>train --detach</c>) with the
/// same progress and JSON as <c>idl train --cluster</c>; Ctrl-C only detaches, <c>idl runs cancel</c> stops the run.</summary>
internal static class RunsWatchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cluster = new Option<string?>("--cluster") { Description = "The cluster: gateways host:port,host:port or azure:<connection string>.", Required = true };
        var connect = new ClusterConnectOptions(cluster);
        var json = new Option<bool>("--json") { Description = "One JSON object per epoch and a final summary on stdout." };
        var runId = new Argument<string?>("run-id") { Description = "The run id (as printed by idl train).", Arity = ArgumentArity.ZeroOrOne };
        var runIdOption = new Option<string?>("--run-id") { Description = "The run id, as an option (the same as the positional run-id)." };
        var command = new Command("watch", "Follow a run until it ends; Ctrl-C detaches and leaves the run going.");
        command.Options.Add(cluster);
        connect.AddTo(command);
        command.Options.Add(json);
        command.Arguments.Add(runId);
        command.Options.Add(runIdOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(json));
            string id = RunsCommand.RunIdOf(parse, runId, runIdOption, "watch");
            await using var connection = await OrleansConnection.OpenAsync(connect.Target(parse), connect.TelemetryFor(parse), cancellationToken);
            var calls = new ClusterCalls(output);
            if (!(await calls.CallAsync(() => connection.Grains.GetGrain<IRunRegistryGrain>("default").ListAsync(), "runs list", cancellationToken)).Contains(id))
                throw UsageException.For("run-id", id, "no such run on this cluster (see idl runs list)");
            var run = connection.Grains.GetGrain<ITrainingCoordinatorGrain>(id);
            output.Info($"watching run {id} (Ctrl-C detaches; idl runs cancel {id} stops it)");
            var status = await new RunWatcher(output, run, id, connection.Silos).WatchAsync(null, RunWatcher.OnInterrupt.Detach, cancellationToken);
            if (status.State != RunState.Completed) throw RunOutcome.Ended(id, status);
            var last = status.Epochs.Count > 0 ? status.Epochs[^1] : null;
            var summary = new JsonObject
            {
                ["final"] = true, ["run_id"] = id, ["state"] = "completed", ["epochs"] = status.Epochs.Count, ["shards"] = status.Shards,
                ["silos"] = connection.Silos, ["restarts"] = status.Restarts,
                ["train_loss"] = last is null ? null : Reports.Round(last.TrainLoss),
                ["test_loss"] = last?.TestLoss is { } tl ? Reports.Round(tl) : null,
            };
            if (last?.TestAccuracy is { } a) summary["test_accuracy"] = Reports.Round(a);
            if (output.Json) output.WriteObject(summary);
            else output.Result($"done: run {id} completed, {status.Epochs.Count} epochs, train loss {last?.TrainLoss:F4}, test accuracy {last?.TestAccuracy:F4}");
            return ExitCodes.Success;
        });
        return command;
    }
}
