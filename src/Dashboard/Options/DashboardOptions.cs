using System.Net;

namespace Idl.Dashboard.Options;

/// <summary>Where the dashboard listens and the token it asks for.</summary>
public sealed class DashboardOptions
{
    /// <summary>The environment variable read for the token when none is given.</summary>
    public const string TokenVariable = "IDL_DASHBOARD_TOKEN";

    /// <summary>TCP port; 0 picks a free one (the bound URL is <c>DashboardServer.Url</c>).</summary>
    public int Port { get; set; } = 8080;

    /// <summary>IP address to bind: loopback by default; any other (0.0.0.0 for every interface) requires <see cref="Token"/>.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The token every request must carry (bearer header, <c>?token=</c> once, or the cookie that sets);
    /// null: no token (loopback only).</summary>
    public string? Token { get; set; }

    /// <summary>Whether <see cref="Address"/> is a loopback address.</summary>
    public bool IsLoopback => IPAddress.TryParse(Address, out var ip) && IPAddress.IsLoopback(ip);
}

/// <summary>Checks <see cref="DashboardOptions"/> before the silo starts.</summary>
public static class DashboardOptionsValidator
{
    /// <summary>Throws naming the option and its value.</summary>
    /// <exception cref="ArgumentException">The port is out of range, the address is not an IP address, or a
    /// non-loopback address has no token.</exception>
    public static void Validate(DashboardOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.Port is < 0 or > 65535)
            throw new ArgumentException($"--dashboard-port {o.Port} is out of range: give 1-65535, or 0 for a free port.");
        if (!IPAddress.TryParse(o.Address, out _))
            throw new ArgumentException($"--dashboard-address '{o.Address}' is not an IP address (127.0.0.1 for this machine only, 0.0.0.0 for every interface).");
        if (o.Token is { } t && (t.Length < 8 || t.Any(char.IsWhiteSpace)))
            throw new ArgumentException("--dashboard-token must be at least 8 characters without spaces.");
        if (!o.IsLoopback && string.IsNullOrEmpty(o.Token))
            throw new ArgumentException($"--dashboard-address {o.Address} is not loopback: give --dashboard-token (or {DashboardOptions.TokenVariable}) so that only holders of the token can see and act on runs.");
    }
}
