using System.Net;
using System.Net.Sockets;
using Idl.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Idl.Client.Commands;

/// <summary>A grain factory: an embedded single silo on free loopback ports (state in a temporary folder, removed
/// afterwards), or an Orleans client connected to the given gateways.</summary>
internal sealed class OrleansConnection : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _folder;

    private OrleansConnection(IHost host, string? folder, int silos) => (_host, _folder, Silos) = (host, folder, silos);

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public int Silos { get; private set; }

    public static async Task<OrleansConnection> OpenAsync(IPEndPoint[]? gateways, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders();
        string? folder = null;
        if (gateways is null)
        {
            folder = Path.Combine(Path.GetTempPath(), "idl-embedded-" + Guid.NewGuid().ToString("N"));
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(FreePort(), FreePort());
                silo.AddAtomicFileGrainStorage(folder);
                silo.AddImplicitTraining();
            });
        }
        else builder.UseOrleansClient(client => client.UseStaticClustering(gateways).AddActivityPropagation());
        var host = builder.Build();
        await host.StartAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return new OrleansConnection(host, folder, gateways?.Length ?? 1);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
