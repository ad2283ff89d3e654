using Idl.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace Idl.Silo.Tests;

/// <summary>The silo's decision to call UseKubernetesHosting, from flags, configuration and the pod's environment.
/// Nothing here starts a host: the hosted agent would need a Kubernetes API.</summary>
public sealed class KubernetesSettingsTests
{
    private const string Azure = "azure:UseDevelopmentStorage=true";

    // What a pod of deploy/k8s/silo.yaml sees: the kubelet's KUBERNETES_SERVICE_HOST and the downward-API variables.
    private static readonly Dictionary<string, string> Pod = new()
    {
        ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["POD_NAME"] = "idl-silo-7d9f-abcde", ["POD_NAMESPACE"] = "default",
        ["POD_IP"] = "10.244.1.7", ["ORLEANS_SERVICE_ID"] = "idl", ["ORLEANS_CLUSTER_ID"] = "idl-1",
    };

    [Fact]
    public void PodVariables_AreTheOnesThePackageReads()
    {
        Assert.Equal(["POD_NAME", "POD_NAMESPACE", "POD_IP"], KubernetesHosting.PodVariables);
    }

    [Theory]
    [InlineData("--kubernetes", "--clustering", Azure)]
    [InlineData("--clustering", Azure, "--kubernetes")]
    [InlineData("--kubernetes", "true", "--clustering", Azure)]
    [InlineData("--kubernetes=true", "--clustering", Azure)]
    public void Read_KubernetesFlag_TurnsItOnAndKeepsTheOtherFlags(params string[] args)
    {
        var settings = Read(args, Pod.Where(kv => kv.Key != "KUBERNETES_SERVICE_HOST"));
        Assert.True(settings.Kubernetes);
        Assert.Equal(Azure, settings.Hosting.Clustering);
    }

    [Fact]
    public void Read_BareKubernetesFlagBeforeAnother_DoesNotSwallowIt()
    {
        var settings = Read(["--kubernetes", "--silo-port", "12345", "--clustering", Azure], Pod);
        Assert.Equal(12345, settings.Hosting.SiloPort);
    }

    [Fact]
    public void Read_KubernetesKeyFromConfiguration_TurnsItOn()
    {
        // IDL_Silo__Kubernetes=true and appsettings.json's "Silo": { "Kubernetes": true } both arrive as this key.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Silo:Kubernetes"] = "true", ["Silo:Clustering"] = Azure,
        }).Build();
        Assert.True(SiloSettings.Read(configuration, Environment(Pod)).Kubernetes);
    }

    [Fact]
    public void Read_NoSettingInAPod_TurnsItOnByItself()
    {
        Assert.True(Read(["--clustering", Azure], Pod).Kubernetes);
    }

    [Theory]
    [InlineData("KUBERNETES_SERVICE_HOST")]
    [InlineData("POD_NAME")]
    [InlineData("POD_NAMESPACE")]
    [InlineData("POD_IP")]
    public void Read_NoSettingAndAVariableMissing_StaysOff(string missing)
    {
        var settings = Read(["--clustering", Azure, "--cluster-id", "c", "--service-id", "s"], Pod.Where(kv => kv.Key != missing));
        Assert.False(settings.Kubernetes);
        Assert.Equal("127.0.0.1", settings.Hosting.Listen);
    }

    [Fact]
    public void Read_KubernetesFalseInAPod_StaysOff()
    {
        Assert.False(Read(["--kubernetes", "false", "--clustering", Azure, "--cluster-id", "c", "--service-id", "s"], Pod).Kubernetes);
    }

    [Fact]
    public void Read_Kubernetes_TakesIdsFromLabelsAdvertisesPodIpAndListensEverywhere()
    {
        var hosting = Read(["--kubernetes", "--clustering", Azure], Pod).Hosting;
        Assert.Equal(("idl", "idl-1"), (hosting.ServiceId, hosting.ClusterId));
        Assert.Equal(("10.244.1.7", "0.0.0.0"), (hosting.Advertise, hosting.Listen));
        Grains.Options.ClusterHostingOptionsValidator.Validate(hosting);
    }

    [Fact]
    public void Read_KubernetesWithExplicitAddresses_KeepsThem()
    {
        var hosting = Read(["--kubernetes", "--clustering", Azure, "--listen", "10.244.1.7", "--advertise", "10.244.1.7"], Pod).Hosting;
        Assert.Equal(("10.244.1.7", "10.244.1.7"), (hosting.Advertise, hosting.Listen));
    }

    [Theory]
    [InlineData("--cluster-id", "other", "orleans/clusterId")]
    [InlineData("--service-id", "other", "orleans/serviceId")]
    public void Read_KubernetesWithAnIdThatContradictsItsLabel_NamesBoth(string flag, string value, string label)
    {
        var e = Assert.Throws<OrleansConfigurationException>(() => Read(["--kubernetes", "--clustering", Azure, flag, value], Pod));
        Assert.Contains(flag, e.Message);
        Assert.Contains(label, e.Message);
    }

    [Fact]
    public void Read_KubernetesWithLocalhostClustering_NamesClustering()
    {
        var e = Assert.Throws<OrleansConfigurationException>(() => Read(["--kubernetes"], Pod));
        Assert.Contains("--clustering", e.Message);
    }

    [Fact]
    public void Read_KubernetesWithoutPodIpOrAdvertise_NamesAdvertise()
    {
        var e = Assert.Throws<OrleansConfigurationException>(() => Read(["--kubernetes", "--clustering", Azure], Pod.Where(kv => kv.Key != "POD_IP")));
        Assert.Contains("--advertise", e.Message);
    }

    [Fact]
    public void Read_UnknownKubernetesValue_NamesTheFlag()
    {
        var e = Assert.Throws<OrleansConfigurationException>(() => Read(["--kubernetes", "maybe"], Pod));
        Assert.Contains("--kubernetes", e.Message);
    }

    // The silo's own path from arguments to settings (Program.cs), with a fake environment.
    private static SiloSettings Read(string[] args, IEnumerable<KeyValuePair<string, string>> environment) =>
        SiloSettings.Read(new ConfigurationBuilder().AddSiloFlags(SiloFlags.Normalize(args)).Build(), Environment(environment));

    private static Func<string, string?> Environment(IEnumerable<KeyValuePair<string, string>> variables)
    {
        var map = variables.ToDictionary();
        return name => map.GetValueOrDefault(name);
    }
}
