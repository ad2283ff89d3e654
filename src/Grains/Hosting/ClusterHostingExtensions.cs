using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Idl.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Idl.Grains.Hosting;

/// <summary>Clustering, endpoints, failure detection, reminders, grain storage and TLS of an idl silo.</summary>
public static class ClusterHostingExtensions
{
    /// <summary>Blob container of the Azure grain store.</summary>
    public const string BlobContainer = "idl-grains";

    /// <summary>Configures the silo from <paramref name="options"/> after validating them.</summary>
    /// <exception cref="OrleansConfigurationException">An option is invalid; the message names it.</exception>
    public static ISiloBuilder UseIdlCluster(this ISiloBuilder silo, ClusterHostingOptions options)
    {
        ClusterHostingOptionsValidator.Validate(options);
        if (options.IsAzureClustering)
        {
            string connection = options.Clustering["azure:".Length..];
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId!, options.ServiceId!));
            silo.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(connection));
            silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(connection));
            silo.Configure<EndpointOptions>(o =>
            {
                var listen = IPAddress.Parse(options.Listen);
                (o.AdvertisedIPAddress, o.SiloPort, o.GatewayPort) = (options.AdvertisedAddress, options.SiloPort, options.GatewayPort);
                o.SiloListeningEndpoint = new IPEndPoint(listen, options.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(listen, options.GatewayPort);
            });
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, options.Primary is null ? null : IPEndPoint.Parse(options.Primary));
            silo.UseInMemoryReminderService();
        }
        silo.Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.NumMissedProbesLimit) = (options.ProbeTimeout, options.NumMissedProbesLimit));
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
        silo.AddIdlGrainStorage(options.Storage);
        // Data in blobs most often lives in the account that already holds the grains.
        if (options.Storage.StartsWith("azure:", StringComparison.Ordinal))
            silo.Services.PostConfigure<TrainingClusterOptions>(o => o.DataConnection ??= options.Storage["azure:".Length..]);
        if (options.TlsCertificate is not null)
        {
            var certificate = TlsCertificates.Load(options.TlsCertificate, options.TlsPassword);
            silo.UseTls(certificate, o => TlsCertificates.Configure(o, certificate));
        }
        return silo;
    }

    /// <summary>Adds grain storage <see cref="TrainingSiloExtensions.StorageName"/> from "file:&lt;dir&gt;" (the atomic
    /// file store) or "azure:&lt;connection&gt;" (Azure Blob, binary: Orleans' serializer instead of the default
    /// Newtonsoft JSON, half the size and ~3.7× faster to save).</summary>
    public static ISiloBuilder AddIdlGrainStorage(this ISiloBuilder silo, string storage)
    {
        if (storage.StartsWith("file:", StringComparison.Ordinal)) return silo.AddAtomicFileGrainStorage(storage["file:".Length..]);
        if (!storage.StartsWith("azure:", StringComparison.Ordinal))
            throw new OrleansConfigurationException($"Silo:Storage (--storage) = '{storage}' must be file:<dir> or azure:<connection string>.");
        string connection = storage["azure:".Length..];
        return silo.AddAzureBlobGrainStorage(TrainingSiloExtensions.StorageName, builder => builder.Configure<Serializer>((o, serializer) =>
        {
            o.BlobServiceClient = new BlobServiceClient(connection);
            o.ContainerName = BlobContainer;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
    }
}
