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
        var failures = new ConnectFailures();
        if (cluster is not null)
        {
            cluster = await LiveGatewaysAsync(cluster, cancellationToken);
            var deadline = DateTime.UtcNow + cluster.ConnectTimeout;
            builder.UseOrleansClient(client => client.UseIdlCluster(cluster).UseConnectionRetryFilter(async (e, ct) =>
            {
                // Orleans retries a gateway that rejects it forever; keep the reasons and stop at --connect-timeout.
                failures.Add(e);
                if (DateTime.UtcNow >= deadline) return false;
                await Task.Delay(250, ct);
                return true;
            }));
        }
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).WaitAsync(cluster is null ? TimeSpan.FromSeconds(60) : cluster.ConnectTimeout + TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception e) when (cluster is not null && e is not OperationCanceledException || e is TimeoutException)
        {
            host.Dispose();
            if (cluster is null) throw;
            throw new ClusterUnavailableException(failures.Explain(cluster, e), e);
        }
        int silos = 1;
        if (cluster is not null)
            silos = (await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)
                .WaitAsync(TimeSpan.FromSeconds(30), cancellationToken)).Count;
        return new OrleansConnection(host, folder, silos);
    }

    // Gateways that do not even accept a TCP connection are named and dropped, so that one dead gateway does not
    // hold up the live ones and a dead cluster fails in seconds.
    private static async Task<ClusterClientOptions> LiveGatewaysAsync(ClusterClientOptions cluster, CancellationToken cancellationToken)
    {
        if (cluster.Gateways.Count == 0) return cluster;
        var results = await GatewayProbe.ProbeAsync(cluster.Gateways, cluster.ConnectTimeout, cancellationToken);
        var live = results.Where(r => r.Problem is null).Select(r => r.Gateway).ToArray();
        if (live.Length == 0)
            throw new ClusterUnavailableException($"cannot reach the cluster: {GatewayProbe.Describe(results)}.");
        return new ClusterClientOptions
        {
            Gateways = live, ClusterId = cluster.ClusterId, ServiceId = cluster.ServiceId, TlsCertificate = cluster.TlsCertificate,
            TlsPassword = cluster.TlsPassword, ConnectTimeout = cluster.ConnectTimeout,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

}
