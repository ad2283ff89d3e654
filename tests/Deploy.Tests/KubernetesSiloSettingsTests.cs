using System.Text.RegularExpressions;
using Idl.Deploy.Tests.TestSupport;
using Idl.Grains.Options;
using Idl.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace Idl.Deploy.Tests;

/// <summary>What the silo makes of deploy/k8s/silo.yaml: the container's arguments and environment, resolved the way
/// the kubelet would for one pod (downward API, Secret, $(VAR) in arguments), go through the silo's own option parsing.
/// No Kubernetes API is contacted: the decision and the options are checked, the hosted agent is not started.</summary>
public sealed partial class KubernetesSiloSettingsTests
{
    private const string PodName = "idl-silo-5f7c9-x2k4q", PodNamespace = "training", PodIp = "10.244.1.7";

    [Fact]
    public void SiloPod_TurnsKubernetesHostingOn()
    {
        Assert.True(Settings().Kubernetes);
    }

    [Fact]
    public void SiloPod_TakesItsIdsFromThePodLabels()
    {
        var labels = KubernetesManifestTests.SiloPod().Pairs("metadata.labels");
        var hosting = Settings().Hosting;
        Assert.Equal(labels["orleans/serviceId"], hosting.ServiceId);
        Assert.Equal(labels["orleans/clusterId"], hosting.ClusterId);
    }

    [Fact]
    public void SiloPod_AdvertisesThePodIpListensEverywhereAndPassesValidation()
    {
        var hosting = Settings().Hosting;
        Assert.Equal((PodIp, "0.0.0.0"), (hosting.Advertise, hosting.Listen));
        Assert.True(hosting.IsAzureClustering);
        ClusterHostingOptionsValidator.Validate(hosting);
    }

    [Fact]
    public void SiloArgs_TurnKubernetesHostingOnWithoutDetection()
    {
        // --kubernetes true does not depend on detection; without the flag the variables alone would decide.
        Assert.True(Settings(withServiceHost: false).Kubernetes);
    }

    private static SiloSettings Settings(bool withServiceHost = true)
    {
        var environment = PodEnvironment();
        if (withServiceHost) environment[KubernetesHosting.ServiceHostVariable] = "10.96.0.1";
        // Kubernetes expands $(VAR) in arguments from the container's environment; the silo reads Section__Key variables.
        var args = KubernetesManifestTests.SiloContainer().Strings("args").Select(a => Reference().Replace(a, m => environment[m.Groups[1].Value])).ToList();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), (string?)kv.Value)))
            .AddSiloFlags(SiloFlags.Normalize(args)).Build();
        return SiloSettings.Read(configuration, name => environment.GetValueOrDefault(name));
    }

    // The container's env as one pod sees it.
    private static Dictionary<string, string> PodEnvironment()
    {
        var pod = KubernetesManifestTests.SiloPod();
        var labels = pod.Pairs("metadata.labels");
        var environment = new Dictionary<string, string>();
        foreach (var e in KubernetesManifestTests.SiloContainer().Items("env"))
        {
            string name = e.Text("name");
            if (e.Find("value") is YamlScalarNode value) environment[name] = value.Value ?? "";
            else if (e.Find("valueFrom.fieldRef.fieldPath") is YamlScalarNode field) environment[name] = Field(field.Value ?? "", labels);
            else if (e.Find("valueFrom.secretKeyRef") is YamlMappingNode secret)
                environment[name] = KubernetesManifestTests.Object("Secret", secret.Text("name")).Text("stringData." + secret.Text("key"));
            else Assert.Fail($"env {name} has no value this test knows how to resolve");
        }
        return environment;
    }

    private static string Field(string path, IReadOnlyDictionary<string, string> labels) => path switch
    {
        "metadata.name" => PodName,
        "metadata.namespace" => PodNamespace,
        "status.podIP" => PodIp,
        _ when Label().Match(path) is { Success: true } m => labels[m.Groups[1].Value],
        _ => throw new Xunit.Sdk.XunitException($"fieldRef {path} is not one this test resolves"),
    };

    [GeneratedRegex(@"(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^metadata\.labels\['([^']+)'\]$")]
    private static partial Regex Label();
}
