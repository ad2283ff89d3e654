using System.Net;
using Idl.Grains.Options;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting.Kubernetes;

namespace Idl.Silo.Hosting;

/// <summary>
/// Whether the silo runs under Microsoft.Orleans.Hosting.Kubernetes (<c>UseKubernetesHosting</c>), and what that
/// changes in its options. The package names the silo after its pod, takes the service and cluster ids from
/// ORLEANS_SERVICE_ID / ORLEANS_CLUSTER_ID (the pod labels orleans/serviceId and orleans/clusterId, through the
/// downward API), and watches the pods of its cluster through the Kubernetes API: a deleted pod's silo is declared
/// dead at once, a dead silo's pod is deleted. Membership still lives in the configured clustering provider.
/// </summary>
public static class KubernetesHosting
{
    /// <summary>Configuration key: "true", "false" or "auto" (default). Flag: <c>--kubernetes [true|false|auto]</c>.</summary>
    public const string Key = "Silo:Kubernetes";

    /// <summary>Set by the kubelet in every container; the package's in-cluster API client needs it.</summary>
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>The pod's own name, namespace and IP as the package reads them (the deployment hands them in through
    /// the downward API). "auto" turns Kubernetes hosting on only when all three are present.</summary>
    public static IReadOnlyList<string> PodVariables { get; } =
    [
        KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
        KubernetesHostingOptions.PodIPEnvironmentVariable,
    ];

    /// <summary>Reads <see cref="Key"/>: "true" or "false" decide; "auto" (or nothing) turns Kubernetes hosting on when
    /// <see cref="ServiceHostVariable"/> and every one of <see cref="PodVariables"/> are set.</summary>
    /// <exception cref="OrleansConfigurationException">Another value; the message names --kubernetes.</exception>
    public static bool IsEnabled(IConfiguration configuration, Func<string, string?> environment)
    {
        string setting = configuration[Key] ?? "auto";
        return setting.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            "auto" => IsSet(environment, ServiceHostVariable) && PodVariables.All(v => IsSet(environment, v)),
            _ => throw new OrleansConfigurationException($"{Key} (--kubernetes) = '{setting}' must be true, false or auto."),
        };
    }

    /// <summary>Adapts <paramref name="options"/> to the pod: the ids default to the pod labels' values (and must agree
    /// with them, or the package would relabel the pod out of its Deployment); the silo advertises POD_IP unless
    /// --advertise is given, and listens on every address unless --listen names a non-loopback one.</summary>
    /// <exception cref="OrleansConfigurationException">Localhost clustering, ids that contradict the labels, or no
    /// address to advertise; the message names the option.</exception>
    public static ClusterHostingOptions Adapt(ClusterHostingOptions options, Func<string, string?> environment)
    {
        if (!options.IsAzureClustering)
            throw new OrleansConfigurationException($"{Key} (--kubernetes) needs Silo:Clustering (--clustering) azure:<connection string>: pods come and go, so the membership table must live outside them.");
        options.ServiceId = Agree(options.ServiceId, environment(KubernetesHostingOptions.ServiceIdEnvironmentVariable), "ServiceId (--service-id)", KubernetesHostingOptions.ServiceIdLabel);
        options.ClusterId = Agree(options.ClusterId, environment(KubernetesHostingOptions.ClusterIdEnvironmentVariable), "ClusterId (--cluster-id)", KubernetesHostingOptions.ClusterIdLabel);
        if (options.Advertise is null)
        {
            string pod = environment(KubernetesHostingOptions.PodIPEnvironmentVariable) ?? "";
            if (!IPAddress.TryParse(pod, out _))
                throw new OrleansConfigurationException($"Silo:Advertise (--advertise) is required under Kubernetes when {KubernetesHostingOptions.PodIPEnvironmentVariable} ('{pod}') is not the pod's IP address.");
            options.Advertise = pod;
        }
        // Other pods cannot reach a loopback address; the default Listen (127.0.0.1) is for a silo on one machine.
        if (IPAddress.TryParse(options.Listen, out var listen) && IPAddress.IsLoopback(listen)) options.Listen = IPAddress.Any.ToString();
        return options;
    }

    /// <summary>Calls <c>UseKubernetesHosting</c>. Pods of silos declared dead are deleted (the Deployment replaces
    /// them), which the Role in deploy/k8s/rbac.yaml allows.</summary>
    public static ISiloBuilder UseIdlKubernetesHosting(this ISiloBuilder silo) =>
        silo.UseKubernetesHosting(o => o.Configure(k => k.DeleteDefunctSiloPods = true));

    private static string? Agree(string? configured, string? label, string option, string labelName)
    {
        if (string.IsNullOrWhiteSpace(label)) return configured;
        if (configured is null || configured == label) return label;
        throw new OrleansConfigurationException($"Silo:{option} = '{configured}' differs from the pod label {labelName} = '{label}'; under Kubernetes leave it unset or equal.");
    }

    private static bool IsSet(Func<string, string?> environment, string variable) => !string.IsNullOrWhiteSpace(environment(variable));
}
