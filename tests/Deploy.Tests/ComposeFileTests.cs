using System.Net;
using Idl.Deploy.Tests.TestSupport;

namespace Idl.Deploy.Tests;

/// <summary>deploy/docker-compose.yml: Azurite, three silos on Azure clustering and storage, a client job that
/// reaches every gateway. No Docker engine runs here, so the file is checked by reading it.</summary>
public sealed class ComposeFileTests
{
    private const string File = "deploy/docker-compose.yml";
    private static readonly string[] Silos = ["silo1", "silo2", "silo3"];

    [Fact]
    public void Services_AreAzuriteThreeSilosAndClient()
    {
        var services = Yaml.Load(File).Map("services").Children.Keys.Select(k => k.ToString()).Order();
        Assert.Equal(["azurite", "client", "silo1", "silo2", "silo3"], services);
    }

    [Fact]
    public void Azurite_PublishesBlobQueueAndTablePortsOnLoopback()
    {
        var ports = Yaml.Load(File).Strings("services.azurite.ports");
        Assert.Equal(["127.0.0.1:10000:10000", "127.0.0.1:10001:10001", "127.0.0.1:10002:10002"], ports);
    }

    [Theory]
    [InlineData("silo1")]
    [InlineData("silo2")]
    [InlineData("silo3")]
    public void Silo_UsesContractFlagsWithAzureOnAzurite(string silo)
    {
        var compose = Yaml.Load(File);
        var args = compose.Strings($"services.{silo}.command");
        Assert.Equal("11111", After(args, "--silo-port"));
        Assert.Equal("30000", After(args, "--gateway-port"));
        string azurite = compose.Text("services.azurite.networks.idl.ipv4_address");
        foreach (string flag in new[] { "--clustering", "--storage" })
        {
            string value = After(args, flag);
            Assert.StartsWith("azure:", value, StringComparison.Ordinal);
            Assert.Contains($"BlobEndpoint=http://{azurite}:10000/devstoreaccount1;", value, StringComparison.Ordinal);
            Assert.Contains($"TableEndpoint=http://{azurite}:10002/devstoreaccount1;", value, StringComparison.Ordinal);
        }
        var env = compose.Pairs($"services.{silo}.environment");
        Assert.Equal(compose.Text($"services.{silo}.networks.idl.ipv4_address"), env["Silo__Advertise"]);
        Assert.Equal("0.0.0.0", env["Silo__Listen"]);
        Assert.Equal("idl-compose", env["Silo__ClusterId"]);
        Assert.Equal("idl", env["Silo__ServiceId"]);
        Assert.Contains("/30000", string.Join(' ', compose.Strings($"services.{silo}.healthcheck.test")), StringComparison.Ordinal);
    }

    [Fact]
    public void Silos_HaveDistinctAddressesInsideTheSubnet()
    {
        var compose = Yaml.Load(File);
        string subnet = compose.Items("networks.idl.ipam.config")[0].Text("subnet");
        var network = IPNetwork.Parse(subnet);
        var addresses = Silos.Append("azurite").Append("client").Select(s => compose.Text($"services.{s}.networks.idl.ipv4_address")).ToList();
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        Assert.All(addresses, a => Assert.True(network.Contains(IPAddress.Parse(a)), $"{a} is outside {subnet}"));
    }

    [Fact]
    public void Client_TrainsAgainstEveryGatewayOnceSilosAreHealthy()
    {
        var compose = Yaml.Load(File);
        var args = compose.Strings("services.client.command");
        Assert.Equal("train", args[0]);
        var expected = Silos.Select(s => $"{compose.Text($"services.{s}.networks.idl.ipv4_address")}:30000");
        Assert.Equal(expected, After(args, "--cluster").Split(','));
        Assert.All(After(args, "--cluster").Split(','), g => IPEndPoint.Parse(g));
        Assert.Contains("--json", args);
        foreach (string silo in Silos) Assert.Equal("service_healthy", compose.Text($"services.client.depends_on.{silo}.condition"));
    }

    [Fact]
    public void Builds_TargetStagesOfTheDockerfile()
    {
        var compose = Yaml.Load(File);
        var stages = DockerfileTests.Stages().Select(s => s.Name).ToList();
        Assert.Equal("deploy/Dockerfile", compose.Text("services.silo1.build.dockerfile"));
        Assert.Equal("..", compose.Text("services.silo1.build.context"));
        Assert.Contains(compose.Text("services.silo1.build.target"), stages);
        Assert.Contains(compose.Text("services.client.build.target"), stages);
        Assert.Equal("silo", compose.Text("services.silo1.build.target"));
        Assert.Equal("client", compose.Text("services.client.build.target"));
        foreach (string silo in Silos) Assert.Equal("idl-silo", compose.Text($"services.{silo}.image"));
    }

    private static string After(IReadOnlyList<string> args, string flag)
    {
        int i = args.ToList().IndexOf(flag);
        Assert.True(i >= 0 && i + 1 < args.Count, $"{flag} with a value is missing from [{string.Join(", ", args)}]");
        return args[i + 1];
    }
}
