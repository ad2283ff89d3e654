using Idl.Dashboard.Options;
using DashboardOptions = Idl.Dashboard.Options.DashboardOptions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;

namespace Idl.Dashboard.Hosting;

/// <summary>Hosts the idl dashboard (runs, sweeps, cluster, actions) and the official Orleans dashboard in a silo.</summary>
public static class DashboardSiloExtensions
{
    /// <summary>Serves the dashboard on <paramref name="options"/>' address and port while the silo runs; resolve
    /// <see cref="DashboardServer"/> for its URL.</summary>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="DashboardOptionsValidator"/>).</exception>
    public static ISiloBuilder AddIdlDashboard(this ISiloBuilder silo, DashboardOptions options)
    {
        DashboardOptionsValidator.Validate(options);
        int before = silo.Services.Count;
        silo.AddDashboard();
        Type[] orleans = [.. silo.Services.Skip(before).Select(d => d.ServiceType)
            .Where(t => !t.IsGenericTypeDefinition && t.Namespace?.StartsWith("Orleans.Dashboard", StringComparison.Ordinal) == true).Distinct()];
        silo.Services.AddSingleton(sp => new DashboardServer(options, orleans, sp));
        silo.Services.AddHostedService(sp => sp.GetRequiredService<DashboardServer>());
        return silo;
    }
}
