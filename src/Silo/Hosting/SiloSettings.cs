using Idl.Grains.Options;
using Microsoft.Extensions.Configuration;

namespace Idl.Silo.Hosting;

/// <summary>What the silo's configuration decides before the host is built.</summary>
/// <param name="Hosting">The "Silo" section, adapted to the pod when <paramref name="Kubernetes"/> is on.</param>
/// <param name="Kubernetes">Whether to call <c>UseKubernetesHosting</c> (see <see cref="KubernetesHosting"/>).</param>
public sealed record SiloSettings(ClusterHostingOptions Hosting, bool Kubernetes)
{
    /// <summary>Binds the "Silo" section and decides on Kubernetes hosting from <see cref="KubernetesHosting.Key"/> and
    /// <paramref name="environment"/> (the process's variables in the silo; a dictionary in tests).</summary>
    /// <exception cref="OrleansConfigurationException">A Kubernetes setting is invalid; the message names it.</exception>
    public static SiloSettings Read(IConfiguration configuration, Func<string, string?> environment)
    {
        var hosting = configuration.GetSection("Silo").Get<ClusterHostingOptions>() ?? new();
        bool kubernetes = KubernetesHosting.IsEnabled(configuration, environment);
        return new(kubernetes ? KubernetesHosting.Adapt(hosting, environment) : hosting, kubernetes);
    }
}
