using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests;

/// <summary>Two real silo processes with TLS on every connection and membership in an Azure Table (Azurite): the
/// silos find each other through the table and talk over TLS, a client with the cluster certificate trains, and
/// clients that learn the gateways from the same table but lack the certificate cannot join.</summary>
[Collection(ProcessClustersCollection.Name)]
public sealed class TlsAzureClusteringTests(ProcessClusters fixture)
{
    private const string Password = "secret";

    [Fact]
    public async Task Run_OnTlsSilosWithAzureClustering_CompletesAcrossBothSilos()
    {
        var silos = await SilosAsync();
        var grains = silos.Client;
        string runId = Runs.NewId("tlsaz");
        var spec = new RunSpec { DataSpec = "digits", Hidden = 4, Epochs = 1, BatchSize = 32, Shards = 2, Limit = 128 };
        await grains.GetGrain<ITrainingCoordinatorGrain>(runId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));

        var done = await Runs.CompletedAsync(grains, runId, TimeSpan.FromSeconds(60));

        Assert.Equal(done.TotalSteps, done.Step);
        var hosts = await Task.WhenAll(Enumerable.Range(0, spec.Shards)
            .Select(k => grains.GetGrain<IDataShardGrain>(ShardSpec.KeyOf(runId, k)).HostAsync())).WaitAsync(TimeSpan.FromSeconds(10));
        // One shard per silo, so the coordinator called a shard on the other silo: silo-to-silo TLS works.
        Assert.Equal(2, hosts.Distinct().Count());
    }

    [Fact]
    public async Task Client_WithoutTheClusterCertificate_CannotJoinThroughTheTable()
    {
        var silos = await SilosAsync();
        string other = SelfSignedCertificate.WritePfx(fixture.Folder, "intruder");
        // Both at once, so the test waits for one connect timeout, not two. The table hands out the gateways; the TLS
        // handshake with each fails (no certificate, or one the silos do not accept), so the client's start gives up.
        var attempts = new[] { silos.ClientOptions(null, null), silos.ClientOptions(other, null) }
            .Select(o => LoopbackSilo.ConnectAsync(o, timeoutSeconds: 8)).ToList();
        foreach (var attempt in attempts) await Assert.ThrowsAnyAsync<Exception>(() => attempt);
    }

    private Task<SiloProcesses> SilosAsync() => fixture.ClusterAsync("tls", azurite =>
    {
        string certificate = SelfSignedCertificate.WritePfx(fixture.Folder, "idl-cluster", Password);
        return SiloProcesses.StartAsync(azurite, "idl-tls-" + Guid.NewGuid().ToString("N")[..8], 2, new Dictionary<string, string>(), (certificate, Password));
    });
}
