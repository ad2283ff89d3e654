using System.CommandLine;
using Idl.Grains.Options;

namespace Idl.Client.Commands;

/// <summary>How a command reaches a running cluster: <c>--cluster</c> (gateways or azure:&lt;connection&gt;),
/// <c>--cluster-id</c>, <c>--service-id</c> (required with azure), <c>--tls-cert</c>, <c>--tls-password</c>.
/// Each falls back to an IDL_* environment variable so that secrets need not be on the command line.</summary>
internal sealed class ClusterConnectOptions(Option<string?> cluster)
{
    public Option<string?> Cluster { get; } = cluster;
    public Option<string?> ClusterId { get; } = new("--cluster-id") { Description = "Cluster id of the silos (required with --cluster azure:...; env IDL_CLUSTER_ID)." };
    public Option<string?> ServiceId { get; } = new("--service-id") { Description = "Service id of the silos (required with --cluster azure:...; env IDL_SERVICE_ID)." };
    public Option<string?> TlsCert { get; } = new("--tls-cert") { Description = "PKCS#12 file with the cluster's TLS certificate (env IDL_TLS_CERT)." };
    public Option<string?> TlsPassword { get; } = new("--tls-password") { Description = "Password of --tls-cert (env IDL_TLS_PASSWORD)." };

    /// <summary>Adds every option but <see cref="Cluster"/> (which the caller owns).</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { ClusterId, ServiceId, TlsCert, TlsPassword }) command.Options.Add(option);
    }

    /// <summary>The cluster to connect to, or null when <c>--cluster</c> is absent (an embedded silo).</summary>
    /// <exception cref="UsageException">A malformed <c>--cluster</c>, missing ids, or a missing certificate file.</exception>
    public ClusterClientOptions? Target(ParseResult p)
    {
        string? cluster = p.GetValue(Cluster);
        if (cluster is null) return null;
        string? tls = p.GetValue(TlsCert) ?? Env("IDL_TLS_CERT");
        if (tls is not null && !File.Exists(tls)) throw UsageException.For("--tls-cert", tls, "no such file");
        try
        {
            return ClusterClientOptions.Parse(cluster, p.GetValue(ClusterId) ?? Env("IDL_CLUSTER_ID"), p.GetValue(ServiceId) ?? Env("IDL_SERVICE_ID"),
                tls, p.GetValue(TlsPassword) ?? Env("IDL_TLS_PASSWORD"));
        }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
