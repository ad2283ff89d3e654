using Idl.Dashboard.Options;
using Microsoft.Extensions.Configuration;

namespace Idl.Silo.Hosting;

/// <summary>The silo's dashboard settings: on when <c>--dashboard-port</c> (Dashboard:Port) is given.</summary>
public static class SiloDashboard
{
    /// <summary>The "Dashboard" section, with the token from <see cref="DashboardOptions.TokenVariable"/> in
    /// <paramref name="environment"/> when no flag gives one; null when the dashboard is off.</summary>
    public static DashboardOptions? Read(IConfiguration configuration, Func<string, string?> environment)
    {
        var section = configuration.GetSection("Dashboard");
        if (section["Port"] is null) return null;
        var options = section.Get<DashboardOptions>() ?? new();
        if (string.IsNullOrEmpty(options.Token) && environment(DashboardOptions.TokenVariable) is { Length: > 0 } token) options.Token = token;
        return options;
    }
}
