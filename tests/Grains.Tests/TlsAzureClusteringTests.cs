using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Idl.Grains.Tests;

/// <summary>The collection's real silo processes have TLS on every connection and their membership in an Azure Table
/// (Azurite): the silos find each other through the table and talk over TLS, a client with the cluster certificate
/// joins and trains, and clients that learn the gateways from the same table but lack the certificate cannot join.
/// The killing tests of the collection leave at least two live silos (each tops the cluster up to three first).</summary>
[Collection(ProcessClustersCollection.Name)]
public sealed class TlsAzureClusteringTests(ProcessClusters fixture)
{
    [Fact]
    public async Task Run_OnTlsSilosWithAzureClustering_CompletesWithOneShardPerSilo()
    {
        var silos = fixture.Silos;
        var grains = silos.Client;
        // A silo a failover test killed just before must be out of the membership, or a shard may be placed on it.
        Assert.True(await silos.SettledAsync(TimeSpan.FromSeconds(90)) >= 2);
        string runId = Runs.NewId("tlsaz");
        var spec = new RunSpec { DataSpec = "digits", Hidden = 4, Epochs = 1, BatchSize = 32, Shards = 2, Limit = 128 };
        await grains.GetGrain<ITrainingCoordinatorGrain>(runId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));

        var done = await Runs.CompletedAsync(grains, runId, TimeSpan.FromSeconds(60));

        Assert.Equal(done.TotalSteps, done.Step);
        var hosts = await Task.WhenAll(Enumerable.Range(0, spec.Shards)
            .Select(k => grains.GetGrain<IDataShardGrain>(ShardSpec.KeyOf(runId, k)).HostAsync())).WaitAsync(TimeSpan.FromSeconds(10));
        // Two shards on two silos, so the coordinator called at least one on another silo: silo-to-silo TLS works.
        Assert.Equal(2, hosts.Distinct().Count());
    }

    [Fact]
    public async Task Client_WithTheClusterCertificate_JoinsThroughTheTable()
    {
        using var client = await LoopbackSilo.ConnectAsync(fixture.Silos.ClientOptions(fixture.Certificate, ProcessClusters.Password));
        var runs = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IRunRegistryGrain>("default").ListAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(runs);
        await client.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Client_WithoutTheClusterCertificate_CannotJoinThroughTheTable()
    {
        var silos = fixture.Silos;
        string other = SelfSignedCertificate.WritePfx(fixture.Folder, "intruder");
        // Both at once, so the test waits for one connect timeout, not two. The table hands out the gateways; the TLS
        // handshake with each fails (no certificate, or one the silos do not accept), so the client's start gives up.
        var attempts = new[] { silos.ClientOptions(null, null), silos.ClientOptions(other, null) }
            .Select(o => LoopbackSilo.ConnectAsync(o, timeoutSeconds: 8)).ToList();
        foreach (var attempt in attempts) await Assert.ThrowsAnyAsync<Exception>(() => attempt);
    }
}
