using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Idl.Client.Output;

namespace Idl.Client.Commands;

/// <summary><c>idl cluster</c>: the active silos of a running cluster with their data shards and load.</summary>
internal static class ClusterCommand
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cluster = new Option<string?>("--cluster") { Description = "The cluster: gateways host:port,host:port or azure:<connection string>.", Required = true };
        var connect = new ClusterConnectOptions(cluster);
        var json = new Option<bool>("--json") { Description = "One JSON object on stdout." };
        var command = new Command("cluster", "Show the active silos, the data shards each hosts, and their load.");
        command.Options.Add(cluster);
        connect.AddTo(command);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = new CliOutput(stdout, stderr, parse.GetValue(json));
            await using var connection = await OrleansConnection.OpenAsync(connect.Target(parse), connect.TelemetryFor(parse), cancellationToken);
            var management = connection.Grains.GetGrain<IManagementGrain>(0);
            var hosts = await management.GetDetailedHosts(onlyActive: true).WaitAsync(CallTimeout, cancellationToken);
            var addresses = hosts.Select(h => h.SiloAddress).ToArray();
            var load = await management.GetRuntimeStatistics(addresses).WaitAsync(CallTimeout, cancellationToken);
            var grains = await management.GetSimpleGrainStatistics(addresses).WaitAsync(CallTimeout, cancellationToken);
            var silos = new JsonArray();
            for (int i = 0; i < hosts.Length; i++)
            {
                var address = hosts[i].SiloAddress;
                int shards = grains.Where(g => g.SiloAddress.Equals(address) && g.GrainType.Contains("DataShardGrain", StringComparison.Ordinal)).Sum(g => g.ActivationCount);
                int coordinators = grains.Where(g => g.SiloAddress.Equals(address) && g.GrainType.Contains("TrainingCoordinatorGrain", StringComparison.Ordinal)).Sum(g => g.ActivationCount);
                var s = load[i];
                silos.Add(new JsonObject
                {
                    ["address"] = address.ToParsableString(), ["name"] = hosts[i].SiloName, ["status"] = hosts[i].Status.ToString().ToLowerInvariant(),
                    ["shards"] = shards, ["coordinators"] = coordinators, ["activations"] = s.ActivationCount,
                    ["cpu_percent"] = Math.Round(s.EnvironmentStatistics.FilteredCpuUsagePercentage, 1),
                    ["memory_used_mb"] = Math.Round(s.EnvironmentStatistics.FilteredMemoryUsageBytes / 1048576.0, 1),
                    ["overloaded"] = s.IsOverloaded,
                });
                if (!output.Json) output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{address.ToParsableString()}\t{hosts[i].SiloName}\tshards {shards}\tcoordinators {coordinators}\tactivations {s.ActivationCount}\tcpu {s.EnvironmentStatistics.FilteredCpuUsagePercentage:F1}%"));
            }
            if (output.Json) output.WriteObject(new JsonObject { ["silos"] = silos.Count, ["shards"] = silos.Sum(s => (int)s!["shards"]!), ["hosts"] = silos });
            return ExitCodes.Success;
        });
        return command;
    }
}
