using System.Net;
using System.Net.Sockets;

namespace Idl.Grains.Hosting;

/// <summary>Free TCP ports on 127.0.0.1, for silos in this process (the CLI's embedded silo, benchmarks, tests).</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on now. Another process may take it before the caller binds it, so callers
    /// that can race (parallel tests) retry on a bind failure.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
