using Idl.Grains.Hosting;
using Idl.Grains.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Idl.Grains.Tests.TestSupport;

/// <summary>A real silo on loopback TCP ports in this process (the in-process test cluster's in-memory transport
/// would bypass TLS), and clients for it.</summary>
internal static class LoopbackSilo
{
    public static async Task<IHost> StartAsync(ClusterHostingOptions options)
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseIdlCluster(options).AddImplicitTraining());
        var host = builder.Build();
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    public static async Task<IHost> ConnectAsync(ClusterClientOptions options, int timeoutSeconds = 30)
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseIdlCluster(options));
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(timeoutSeconds));
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }

    public static int FreePort() => LoopbackPorts.Free();
}
