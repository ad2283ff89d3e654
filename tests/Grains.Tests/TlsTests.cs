using System.Net;
using Idl.Grains.Contracts;
using Idl.Grains.Options;
using Idl.Grains.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Idl.Grains.Tests;

/// <summary>A silo with TLS on real loopback sockets: a client holding the cluster certificate works, one without
/// TLS cannot join.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "idl-tls-" + Guid.NewGuid().ToString("N"));
    private IHost? _silo;
    private string _certificate = "";
    private IPEndPoint _gateway = null!;

    public async Task InitializeAsync()
    {
        _certificate = SelfSignedCertificate.WritePfx(_folder, "idl-cluster", "secret");
        var options = new ClusterHostingOptions
        {
            SiloPort = LoopbackSilo.FreePort(), GatewayPort = LoopbackSilo.FreePort(), Storage = "file:" + Path.Combine(_folder, "grains"),
            TlsCertificate = _certificate, TlsPassword = "secret",
        };
        _gateway = new IPEndPoint(IPAddress.Loopback, options.GatewayPort);
        _silo = await LoopbackSilo.StartAsync(options);
    }

    [Fact]
    public async Task Client_WithTheClusterCertificate_CallsGrains()
    {
        using var client = await LoopbackSilo.ConnectAsync(new ClusterClientOptions { Gateways = [_gateway], TlsCertificate = _certificate, TlsPassword = "secret" });
        var runs = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IRunRegistryGrain>("default").ListAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(runs);
        await client.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Client_WithoutTls_CannotJoin()
    {
        // The TLS handshake fails, so the client never gets a gateway session and its start gives up.
        await Assert.ThrowsAnyAsync<Exception>(() => LoopbackSilo.ConnectAsync(new ClusterClientOptions { Gateways = [_gateway] }, timeoutSeconds: 8));
    }

    [Fact]
    public async Task Client_WithAnotherCertificate_CannotJoin()
    {
        string other = SelfSignedCertificate.WritePfx(_folder, "intruder");
        // The TLS handshake fails, so the client never gets a gateway session and its start gives up.
        await Assert.ThrowsAnyAsync<Exception>(() => LoopbackSilo.ConnectAsync(new ClusterClientOptions { Gateways = [_gateway], TlsCertificate = other }, timeoutSeconds: 8));
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
            _silo.Dispose();
        }
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
