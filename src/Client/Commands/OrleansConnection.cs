using Idl.Dashboard.Hosting;
using Idl.Dashboard.Options;
using Idl.Grains.Hosting;
using Idl.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Idl.Client.Commands;

/// <summary>A grain factory: an embedded single silo on free loopback ports (state in a temporary folder, removed
/// afterwards), or an Orleans client connected to a running cluster (gateways or Azure Table, optionally TLS).</summary>
internal sealed class OrleansConnection : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _folder;

    private OrleansConnection(IHost host, string? folder, int silos) => (_host, _folder, Silos) = (host, folder, silos);

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public int Silos { get; private set; }

    /// <summary>The embedded silo's dashboard, when one was asked for.</summary>
    public Uri? DashboardUrl => _host.Services.GetService<DashboardServer>()?.Url;

    /// <summary>Starts the embedded silo (<paramref name="cluster"/> null) or connects; exports telemetry as
    /// <paramref name="telemetry"/> says (nothing when null). Disposing flushes what is still batched. The embedded
    /// silo's shards read blob data with <paramref name="dataConnection"/>.</summary>
    public static async Task<OrleansConnection> OpenAsync(ClusterClientOptions? cluster, TelemetryOptions? telemetry, CancellationToken cancellationToken,
        string? dataConnection = null, DashboardOptions? dashboard = null)
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders();
        if (telemetry is not null) builder.AddIdlTelemetry(telemetry, TelemetryHostingExtensions.ClientServiceName);
        string? folder = null;
        if (cluster is null)
        {
            folder = Path.Combine(Path.GetTempPath(), "idl-embedded-" + Guid.NewGuid().ToString("N"));
            var options = ClusterHostingOptions.Embedded(folder);
            builder.UseOrleans(silo =>
            {
                silo.UseIdlCluster(options).AddImplicitTraining(o => o.DataConnection = dataConnection);
                if (dashboard is not null) silo.AddIdlDashboard(dashboard);
            });
        }
        else builder.UseOrleansClient(client => client.UseIdlCluster(cluster));
        var host = builder.Build();
        await host.StartAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        int silos = 1;
        if (cluster is not null)
            silos = (await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)
                .WaitAsync(TimeSpan.FromSeconds(30), cancellationToken)).Count;
        return new OrleansConnection(host, folder, silos);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

}
