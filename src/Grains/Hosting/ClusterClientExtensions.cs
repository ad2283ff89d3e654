using Azure.Data.Tables;
using Idl.Grains.Options;
using Orleans.Configuration;

namespace Idl.Grains.Hosting;

/// <summary>The client side of <see cref="ClusterHostingExtensions"/>: static gateways or the Azure Table, and TLS.</summary>
public static class ClusterClientExtensions
{
    /// <summary>Connects the client as <paramref name="options"/> say, with trace propagation.</summary>
    public static IClientBuilder UseIdlCluster(this IClientBuilder client, ClusterClientOptions options)
    {
        if (options.AzureConnection is { } connection)
            client.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(connection));
        else client.UseStaticClustering(options.Gateways.ToArray());
        if (options.ClusterId is not null || options.ServiceId is not null)
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId ?? o.ClusterId, options.ServiceId ?? o.ServiceId));
        if (options.TlsCertificate is not null)
        {
            var certificate = TlsCertificates.Load(options.TlsCertificate, options.TlsPassword);
            client.UseTls(certificate, o => TlsCertificates.Configure(o, certificate));
        }
        // A gateway that died is dropped from the list within seconds, not after the default minute.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        return client.AddActivityPropagation();
    }
}
