using System.CommandLine;
using Idl.Client.Output;
using Idl.Grains.Contracts;

namespace Idl.Client.Commands;

/// <summary><c>idl runs list|status|cancel|resume</c>: the training runs of a running cluster.</summary>
internal static class RunsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("runs", "List the training runs of a cluster, show one, cancel or resume it.");
        command.Subcommands.Add(Build("list", "One line (or JSON object) per run the cluster has seen.", null, stdout, stderr));
        command.Subcommands.Add(Build("status", "Where a run stands, with its epochs.", (g, _) => g.StatusAsync(), stdout, stderr));
        command.Subcommands.Add(Build("cancel", "Stop a run for good (it keeps its last checkpoint).", (g, _) => g.CancelAsync(), stdout, stderr));
        command.Subcommands.Add(Build("resume", "Continue a paused or failed run from its last checkpoint.", (g, _) => g.ResumeAsync(), stdout, stderr));
        return command;
    }

    private static Command Build(string name, string description, Func<ITrainingCoordinatorGrain, CancellationToken, Task<RunStatus>>? act,
        TextWriter stdout, TextWriter stderr)
    {
        var cluster = new Option<string?>("--cluster") { Description = "The cluster: gateways host:port,host:port or azure:<connection string>.", Required = true };
        var connect = new ClusterConnectOptions(cluster);
        var json = new Option<bool>("--json") { Description = "JSON objects on stdout, one per line." };
        var runId = new Argument<string?>("run-id") { Description = "The run id (as printed by idl train).", Arity = ArgumentArity.ZeroOrOne };
        var runIdOption = new Option<string?>("--run-id") { Description = "The run id, as an option (the same as the positional run-id)." };
        var command = new Command(name, description);
        command.Options.Add(cluster);
        connect.AddTo(command);
        command.Options.Add(json);
        if (act is not null)
        {
            command.Arguments.Add(runId);
            command.Options.Add(runIdOption);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(json));
            var calls = new ClusterCalls(output, patience: TimeSpan.FromSeconds(60));
            string? id1 = act is null ? null : RunIdOf(parse, runId, runIdOption, name);
            await using var connection = await OrleansConnection.OpenAsync(connect.Target(parse), connect.TelemetryFor(parse), cancellationToken);
            if (act is null)
            {
                var ids = await calls.CallAsync(() => connection.Grains.GetGrain<IRunRegistryGrain>("default").ListAsync(), "runs list", cancellationToken);
                foreach (var id in ids) Write(output, await calls.CallAsync(() => connection.Grains.GetGrain<ITrainingCoordinatorGrain>(id).StatusAsync(), $"run {id}", cancellationToken), false);
                if (ids.Count == 0) output.Info($"no runs");
                return ExitCodes.Success;
            }
            if (!(await calls.CallAsync(() => connection.Grains.GetGrain<IRunRegistryGrain>("default").ListAsync(), "runs list", cancellationToken)).Contains(id1!))
                throw UsageException.For("run-id", id1, "no such run on this cluster (see idl runs list)");
            // status, cancel and resume are idempotent, so a call lost with a dying silo can be made again.
            var status = await calls.CallAsync(() => act(connection.Grains.GetGrain<ITrainingCoordinatorGrain>(id1!), cancellationToken), $"runs {name} {id1}", cancellationToken);
            Write(output, status, name == "status");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string RunIdOf(ParseResult parse, Argument<string?> positional, Option<string?> option, string command)
    {
        string? a = parse.GetValue(positional), o = parse.GetValue(option);
        if (a is not null && o is not null && a != o) throw UsageException.For("--run-id", o, $"differs from the run id '{a}' given before it; give one");
        return a ?? o ?? throw new UsageException($"idl runs {command} needs a run id: idl runs {command} <run-id> (or --run-id <run-id>); see idl runs list");
    }

    private static void Write(CliOutput output, RunStatus status, bool withEpochs)
    {
        if (output.Json) output.WriteObject(RunStatusJson.Of(status, withEpochs));
        else output.Out.WriteLine(RunStatusJson.Line(status).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
