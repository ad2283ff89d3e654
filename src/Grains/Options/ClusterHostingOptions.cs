using System.Net;
using Microsoft.Extensions.Options;

namespace Idl.Grains.Options;

/// <summary>How a silo joins its cluster, where grain state lives and how connections are secured. Bound from the
/// "Silo" section of appsettings.json, IDL_Silo__* environment variables and the silo's flags; every default is stated.</summary>
public sealed class ClusterHostingOptions
{
    /// <summary>A single silo in this process on free loopback ports, storing grains in <paramref name="folder"/> (the
    /// CLI's embedded silo, and the benchmark that measures it).</summary>
    public static ClusterHostingOptions Embedded(string folder) =>
        new() { SiloPort = Hosting.LoopbackPorts.Free(), GatewayPort = Hosting.LoopbackPorts.Free(), Storage = "file:" + folder };

    /// <summary>"localhost" (default: the membership table lives on the primary silo, development only) or
    /// "azure:&lt;connection string&gt;" (Azure Table membership and reminders).</summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary>Cluster id: silos and clients with the same id form one cluster. Required unless clustering is localhost.</summary>
    public string? ClusterId { get; set; }

    /// <summary>Service id: stable across deployments, part of every storage key. Required unless clustering is localhost.</summary>
    public string? ServiceId { get; set; }

    /// <summary>"file:&lt;dir&gt;" (default file:data/grains, the atomic file store) or "azure:&lt;connection string&gt;" (Azure Blob).</summary>
    public string Storage { get; set; } = "file:data/grains";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>host:port of the primary silo (localhost clustering only); none for the primary itself.</summary>
    public string? Primary { get; set; }

    /// <summary>Address the silo binds to. Default 127.0.0.1: nothing off this machine can connect unless told.</summary>
    public string Listen { get; set; } = "127.0.0.1";

    /// <summary>Address other silos and clients use to reach this one. Default: <see cref="Listen"/>; required when
    /// that is a wildcard (0.0.0.0 or ::).</summary>
    public string? Advertise { get; set; }

    /// <summary>PKCS#12 (.pfx) file with this silo's certificate and key: turns on TLS for every silo and client
    /// connection. Peers must present the same certificate (or one issued by a root this machine trusts).</summary>
    public string? TlsCertificate { get; set; }

    /// <summary>Password of <see cref="TlsCertificate"/>; none by default.</summary>
    public string? TlsPassword { get; set; }

    /// <summary>Time a membership probe may take before it counts as missed. Default 1 s (Orleans: 5 s).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes before a silo votes another dead. Default 2 (Orleans: 3): a killed silo is declared dead
    /// in about 2–3 s instead of 10–15 s.</summary>
    public int NumMissedProbesLimit { get; set; } = 2;

    /// <summary>Longest a grain call waits for its answer. Default 30 s; a call to a silo that dies is broken off
    /// when the silo is declared dead, so this bounds only hung calls.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether <see cref="Clustering"/> is an Azure Table.</summary>
    public bool IsAzureClustering => Clustering.StartsWith("azure:", StringComparison.Ordinal);

    /// <summary>The address to advertise.</summary>
    public IPAddress AdvertisedAddress => IPAddress.Parse(Advertise ?? Listen);
}

/// <summary>Checks <see cref="ClusterHostingOptions"/> before the silo is built; each message names the flag.</summary>
public sealed class ClusterHostingOptionsValidator(IOptions<ClusterHostingOptions> options) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration() => Validate(options.Value);

    /// <summary>Throws <see cref="OrleansConfigurationException"/> naming the first bad option.</summary>
    public static void Validate(ClusterHostingOptions o)
    {
        if (o.Clustering != "localhost" && !(o.IsAzureClustering && o.Clustering.Length > "azure:".Length))
            throw Bad("Clustering (--clustering)", o.Clustering, "must be localhost or azure:<connection string>");
        if (o.IsAzureClustering && string.IsNullOrWhiteSpace(o.ClusterId))
            throw Bad("ClusterId (--cluster-id)", o.ClusterId, "is required with non-local clustering (silos and clients must agree on it)");
        if (o.IsAzureClustering && string.IsNullOrWhiteSpace(o.ServiceId))
            throw Bad("ServiceId (--service-id)", o.ServiceId, "is required with non-local clustering (it keys the stored grain state)");
        if (!(o.Storage.StartsWith("file:", StringComparison.Ordinal) || o.Storage.StartsWith("azure:", StringComparison.Ordinal)) || o.Storage.IndexOf(':') == o.Storage.Length - 1)
            throw Bad("Storage (--storage)", o.Storage, "must be file:<dir> or azure:<connection string>");
        if (o.SiloPort is < 1 or > 65535) throw Bad("SiloPort (--silo-port)", o.SiloPort, "must be a TCP port");
        if (o.GatewayPort is < 1 or > 65535 || o.GatewayPort == o.SiloPort) throw Bad("GatewayPort (--gateway-port)", o.GatewayPort, "must be a TCP port other than the silo port");
        if (o.Primary is not null && (o.IsAzureClustering || !IPEndPoint.TryParse(o.Primary, out _)))
            throw Bad("Primary (--primary)", o.Primary, "must be ip:port, and only with localhost clustering");
        if (!IPAddress.TryParse(o.Listen, out var listen)) throw Bad("Listen (--listen)", o.Listen, "must be an IP address");
        if (o.Advertise is not null && !IPAddress.TryParse(o.Advertise, out _)) throw Bad("Advertise (--advertise)", o.Advertise, "must be an IP address");
        if (o.Advertise is null && (listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any)))
            throw Bad("Advertise (--advertise)", null, $"is required when listening on {o.Listen}: peers need an address they can reach");
        if (!o.IsAzureClustering && !IPAddress.IsLoopback(listen)) throw Bad("Listen (--listen)", o.Listen, "must be a loopback address with localhost clustering");
        if (o.TlsCertificate is not null && !File.Exists(o.TlsCertificate)) throw Bad("TlsCertificate (--tls-cert)", o.TlsCertificate, "is not a file");
        if (o.ProbeTimeout <= TimeSpan.Zero) throw Bad("ProbeTimeout", o.ProbeTimeout, "must be positive");
        if (o.NumMissedProbesLimit < 1) throw Bad("NumMissedProbesLimit", o.NumMissedProbesLimit, "must be at least 1");
        if (o.ResponseTimeout <= TimeSpan.Zero) throw Bad("ResponseTimeout", o.ResponseTimeout, "must be positive");
    }

    private static OrleansConfigurationException Bad(string name, object? value, string rule) =>
        new($"Silo:{name} = '{value}' {rule}.");
}
