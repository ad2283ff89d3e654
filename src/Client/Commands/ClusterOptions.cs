using System.CommandLine;
using System.Net;

namespace Idl.Client.Commands;

/// <summary>The options that send <c>idl train</c> to Orleans: <c>--shards</c> (an embedded silo in this process
/// unless <c>--cluster</c> names gateways), <c>--run-id</c>, <c>--checkpoint-interval</c>.</summary>
internal sealed class ClusterOptions
{
    public Option<int?> Shards { get; } = new("--shards") { Description = "Train on Orleans with this many data shards (an embedded silo unless --cluster is given)." };
    public Option<string?> Cluster { get; } = new("--cluster") { Description = "Gateways of a running cluster, host:port,host:port." };
    public Option<string?> RunId { get; } = new("--run-id") { Description = "Run id on the cluster (default: a new one)." };
    public Option<int> CheckpointInterval { get; } = new("--checkpoint-interval") { Description = "Steps between checkpoints on the cluster.", DefaultValueFactory = _ => 20 };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Shards, Cluster, RunId, CheckpointInterval }) command.Options.Add(option);
    }

    /// <summary>Whether the run goes to Orleans.</summary>
    public bool IsDistributed(ParseResult p) => p.GetValue(Shards) is not null || p.GetValue(Cluster) is not null;

    /// <summary>The gateways of <c>--cluster</c>, or null for an embedded silo.</summary>
    public IPEndPoint[]? Gateways(ParseResult p)
    {
        string? list = p.GetValue(Cluster);
        if (list is null) return null;
        try
        {
            return list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(e => IPEndPoint.Parse(e.Replace("localhost", "127.0.0.1", StringComparison.OrdinalIgnoreCase))).ToArray();
        }
        catch (FormatException) { throw UsageException.For("--cluster", list, "must be host:port[,host:port...] with IP addresses"); }
    }
}
