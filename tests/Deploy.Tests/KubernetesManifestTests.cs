using System.Text.RegularExpressions;
using Idl.Deploy.Tests.TestSupport;
using Orleans.Hosting.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace Idl.Deploy.Tests;

/// <summary>deploy/k8s: the conventions of Microsoft.Orleans.Hosting.Kubernetes (pod labels, downward-API
/// environment, service account token, RBAC on pods), a gateway Service, storage from a Secret. No cluster runs here:
/// read, not applied (KubernetesSiloSettingsTests feeds the result to the silo's own option parsing).</summary>
public sealed partial class KubernetesManifestTests
{
    internal static IReadOnlyList<YamlMappingNode> All() =>
        Repo.Files("deploy/k8s", "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)).SelectMany(Yaml.LoadAll).ToList();

    internal static YamlMappingNode Object(string kind, string name) =>
        Assert.Single(All(), o => o.Text("kind") == kind && o.Text("metadata.name") == name);

    internal static YamlMappingNode SiloPod() => Object("Deployment", "idl-silo").Map("spec.template");

    internal static YamlMappingNode SiloContainer() => Assert.IsType<YamlMappingNode>(Assert.Single(SiloPod().Items("spec.containers")));

    [Fact]
    public void Manifests_HaveApiVersionKindAndName()
    {
        var objects = All();
        Assert.All(objects, o => Assert.NotEmpty(o.Text("apiVersion") + o.Text("kind") + o.Text("metadata.name")));
        var kinds = objects.Select(o => o.Text("kind")).ToHashSet();
        Assert.Superset(new HashSet<string> { "Deployment", "Service", "ServiceAccount", "Role", "RoleBinding", "Secret", "Job" }, kinds);
    }

    [Fact]
    public void Kustomization_ListsEveryManifest()
    {
        var listed = Yaml.Load("deploy/k8s/kustomization.yaml").Strings("resources").Select(r => "deploy/k8s/" + r).Order();
        var files = Repo.Files("deploy/k8s", "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal));
        Assert.Equal(files, listed);
    }

    [Fact]
    public void SiloPods_CarryOrleansServiceAndClusterIdLabels()
    {
        var labels = SiloPod().Pairs("metadata.labels");
        Assert.False(string.IsNullOrEmpty(labels[KubernetesHostingOptions.ServiceIdLabel]));
        Assert.False(string.IsNullOrEmpty(labels[KubernetesHostingOptions.ClusterIdLabel]));
        var selector = Object("Deployment", "idl-silo").Pairs("spec.selector.matchLabels");
        Assert.All(selector, kv => Assert.Equal(kv.Value, labels[kv.Key]));
    }

    // Every variable Microsoft.Orleans.Hosting.Kubernetes reads, named by the package's own constants.
    public static TheoryData<string, string> PackageVariables => new()
    {
        { KubernetesHostingOptions.PodNameEnvironmentVariable, "metadata.name" },
        { KubernetesHostingOptions.PodNamespaceEnvironmentVariable, "metadata.namespace" },
        { KubernetesHostingOptions.PodIPEnvironmentVariable, "status.podIP" },
        { KubernetesHostingOptions.ServiceIdEnvironmentVariable, $"metadata.labels['{KubernetesHostingOptions.ServiceIdLabel}']" },
        { KubernetesHostingOptions.ClusterIdEnvironmentVariable, $"metadata.labels['{KubernetesHostingOptions.ClusterIdLabel}']" },
    };

    [Theory]
    [MemberData(nameof(PackageVariables))]
    public void SiloContainer_GetsEveryVariableThePackageReadsFromDownwardApi(string variable, string fieldPath)
    {
        var env = SiloContainer().Items("env").Single(e => e.Text("name") == variable);
        Assert.Equal(fieldPath, env.Text("valueFrom.fieldRef.fieldPath"));
    }

    [Fact]
    public void SiloPods_MountTheServiceAccountToken()
    {
        // The package's in-cluster API client reads the token; without it the silo does not start.
        Assert.Equal("true", SiloPod().Text("spec.automountServiceAccountToken"));
        var account = Object("ServiceAccount", SiloPod().Text("spec.serviceAccountName"));
        Assert.NotEqual("false", (account.Find("automountServiceAccountToken") as YamlScalarNode)?.Value);
    }

    [Fact]
    public void SiloContainer_UsesContractFlagsAndDefinesEveryVariableItReferences()
    {
        var container = SiloContainer();
        var args = container.Strings("args");
        Assert.Equal("11111", args[args.ToList().IndexOf("--silo-port") + 1]);
        Assert.Equal("30000", args[args.ToList().IndexOf("--gateway-port") + 1]);
        Assert.StartsWith("azure:", args[args.ToList().IndexOf("--clustering") + 1], StringComparison.Ordinal);
        Assert.StartsWith("azure:", args[args.ToList().IndexOf("--storage") + 1], StringComparison.Ordinal);
        var defined = container.Items("env").Select(e => e.Text("name")).ToHashSet();
        foreach (Match m in Reference().Matches(string.Join(' ', args))) Assert.Contains(m.Groups[1].Value, defined);
        var ports = container.Items("ports").ToDictionary(p => p.Text("name"), p => p.Text("containerPort"));
        Assert.Equal("11111", ports["silo"]);
        Assert.Equal("30000", ports["gateway"]);
    }

    [Fact]
    public void StorageConnection_ComesFromTheSecret()
    {
        var env = SiloContainer().Items("env").Single(e => e.Text("name") == "IDL_STORAGE_CONNECTION");
        var secret = Object("Secret", env.Text("valueFrom.secretKeyRef.name"));
        Assert.Contains(env.Text("valueFrom.secretKeyRef.key"), secret.Pairs("stringData").Keys);
    }

    [Fact]
    public void SiloServiceAccount_MayGetPatchListWatchAndDeletePods()
    {
        string account = SiloPod().Text("spec.serviceAccountName");
        Object("ServiceAccount", account);
        var binding = Assert.Single(All(), o => o.Text("kind") == "RoleBinding"
            && o.Items("subjects").Any(s => s.Text("kind") == "ServiceAccount" && s.Text("name") == account));
        Assert.Equal("Role", binding.Text("roleRef.kind"));
        Assert.Equal("rbac.authorization.k8s.io", binding.Text("roleRef.apiGroup"));
        var rule = Object("Role", binding.Text("roleRef.name")).Items("rules").Single(r => r.Strings("resources").Contains("pods"));
        Assert.Equal([""], rule.Strings("apiGroups"));
        // get and patch: its own pod's labels; list and watch: its cluster's pods; delete: pods of dead silos.
        Assert.Superset(new HashSet<string> { "get", "patch", "list", "watch", "delete" }, rule.Strings("verbs").ToHashSet());
    }

    [Fact]
    public void GatewayService_SelectsSiloPodsOnTheGatewayPort()
    {
        var service = Object("Service", "idl-gateway");
        var labels = SiloPod().Pairs("metadata.labels");
        Assert.All(service.Pairs("spec.selector"), kv => Assert.Equal(kv.Value, labels[kv.Key]));
        var port = Assert.Single(service.Items("spec.ports"));
        Assert.Equal("30000", port.Text("port"));
        Assert.Equal("gateway", port.Text("targetPort"));
    }

    [Fact]
    public void ClientJob_ResolvesTheGatewayServiceAndTrains()
    {
        var job = Object("Job", "idl-train");
        string script = string.Join(' ', Assert.IsType<YamlMappingNode>(Assert.Single(job.Items("spec.template.spec.containers"))).Strings("args"));
        Assert.Contains("$$(getent hosts idl-gateway", script, StringComparison.Ordinal);
        Assert.Contains("idl.dll train --cluster", script, StringComparison.Ordinal);
        Assert.Equal("Never", job.Text("spec.template.spec.restartPolicy"));
    }

    [Fact]
    public void Azurite_ServiceExposesBlobAndTablePortsNamedInTheSecret()
    {
        string connection = Object("Secret", "idl-storage").Text("stringData.connection");
        var ports = Object("Service", "azurite").Items("spec.ports").Select(p => p.Text("port")).ToList();
        Assert.Contains("http://azurite:10000/", connection, StringComparison.Ordinal);
        Assert.Contains("http://azurite:10002/", connection, StringComparison.Ordinal);
        Assert.Contains("10000", ports);
        Assert.Contains("10002", ports);
    }

    [GeneratedRegex(@"(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
