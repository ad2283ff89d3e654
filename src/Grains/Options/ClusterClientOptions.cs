using System.Net;

namespace Idl.Grains.Options;

/// <summary>How a client finds and talks to a running cluster.</summary>
public sealed class ClusterClientOptions
{
    /// <summary>Gateways to connect to (static list); used when <see cref="AzureConnection"/> is null.</summary>
    public IReadOnlyList<IPEndPoint> Gateways { get; init; } = [];

    /// <summary>Connection string of the Azure Table that holds the membership (gateways are read from it).</summary>
    public string? AzureConnection { get; init; }

    /// <summary>Cluster id; required with <see cref="AzureConnection"/>.</summary>
    public string? ClusterId { get; init; }

    /// <summary>Service id; required with <see cref="AzureConnection"/>.</summary>
    public string? ServiceId { get; init; }

    /// <summary>PKCS#12 file with the certificate shared with the silos; null for plain TCP.</summary>
    public string? TlsCertificate { get; init; }

    /// <summary>Password of <see cref="TlsCertificate"/>.</summary>
    public string? TlsPassword { get; init; }

    /// <summary>How long connecting may take before the client gives up naming each gateway (<c>--connect-timeout</c>).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Parses <c>--cluster</c>: "host:port,host:port" or "azure:&lt;connection string&gt;".</summary>
    /// <exception cref="ArgumentException">Neither form; the message names <c>--cluster</c>.</exception>
    public static ClusterClientOptions Parse(string cluster, string? clusterId, string? serviceId, string? tlsCertificate, string? tlsPassword)
    {
        if (cluster.StartsWith("azure:", StringComparison.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(clusterId) || string.IsNullOrWhiteSpace(serviceId))
                throw new ArgumentException("--cluster azure:<connection> needs --cluster-id and --service-id (the silos' values).");
            return new() { AzureConnection = cluster["azure:".Length..], ClusterId = clusterId, ServiceId = serviceId, TlsCertificate = tlsCertificate, TlsPassword = tlsPassword };
        }
        var gateways = new List<IPEndPoint>();
        foreach (var e in cluster.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPEndPoint.TryParse(e.Replace("localhost", "127.0.0.1", StringComparison.OrdinalIgnoreCase), out var endpoint) || endpoint.Port == 0)
                throw new ArgumentException($"--cluster '{cluster}' must be host:port[,host:port...] with IP addresses, or azure:<connection string>.");
            gateways.Add(endpoint);
        }
        if (gateways.Count == 0) throw new ArgumentException($"--cluster '{cluster}' names no gateway.");
        return new() { Gateways = gateways, ClusterId = clusterId, ServiceId = serviceId, TlsCertificate = tlsCertificate, TlsPassword = tlsPassword };
    }
}
