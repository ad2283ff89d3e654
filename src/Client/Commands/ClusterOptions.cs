using System.CommandLine;
using Idl.Grains.Options;

namespace Idl.Client.Commands;

/// <summary>The options that send <c>idl train</c> to Orleans: <c>--shards</c> (an embedded silo in this process
/// unless <c>--cluster</c> names gateways), <c>--run-id</c>, <c>--checkpoint-interval</c>.</summary>
internal sealed class ClusterOptions
{
    public Option<int?> Shards { get; } = new("--shards") { Description = "Train on Orleans with this many data shards (an embedded silo unless --cluster is given; default with --cluster: one per silo)." };
    public Option<string?> Cluster { get; } = new("--cluster") { Description = "A running cluster: gateways host:port,host:port or azure:<connection string>." };
    public Option<string?> RunId { get; } = new("--run-id") { Description = "Run id on the cluster (default: a new one)." };
    public Option<bool> Detach { get; } = new("--detach") { Description = "With --cluster: start the run, print its id and exit; follow it later with idl runs watch <run-id>." };
    public Option<int> CheckpointInterval { get; } = new("--checkpoint-interval") { Description = "Steps between checkpoints on the cluster.", DefaultValueFactory = _ => 20 };
    public Option<bool> Dashboard { get; } = new("--dashboard") { Description = "Serve the dashboard from the embedded silo (loopback) and print its URL." };
    public Option<int> DashboardPort { get; } = new("--dashboard-port") { Description = "Port of --dashboard (0: a free one).", DefaultValueFactory = _ => 0 };

    /// <summary>Cluster id, service id and TLS of <c>--cluster</c>.</summary>
    public ClusterConnectOptions Connect { get; }

    public ClusterOptions() => Connect = new ClusterConnectOptions(Cluster);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Shards, Cluster, RunId, CheckpointInterval, Detach, Dashboard, DashboardPort }) command.Options.Add(option);
        Connect.AddTo(command);
    }

    /// <summary>Whether the run goes to Orleans.</summary>
    public bool IsDistributed(ParseResult p) => p.GetValue(Shards) is not null || p.GetValue(Cluster) is not null;

    /// <summary>The cluster of <c>--cluster</c> (gateways or azure:&lt;connection&gt;), or null for an embedded silo.</summary>
    public ClusterClientOptions? Target(ParseResult p) => Connect.Target(p);

    /// <summary>The embedded silo's dashboard of <c>--dashboard</c> (null: none); a running cluster serves its own.</summary>
    public Idl.Dashboard.Options.DashboardOptions? DashboardFor(ParseResult p)
    {
        if (!p.GetValue(Dashboard)) return null;
        if (p.GetValue(Cluster) is { } cluster)
            throw UsageException.For("--dashboard", cluster, "is served by the embedded silo only: start the cluster's silos with --dashboard-port instead");
        var options = new Idl.Dashboard.Options.DashboardOptions { Port = p.GetValue(DashboardPort) };
        try { Idl.Dashboard.Options.DashboardOptionsValidator.Validate(options); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
        return options;
    }
}
