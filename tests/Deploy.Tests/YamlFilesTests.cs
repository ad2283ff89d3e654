using Idl.Deploy.Tests.TestSupport;

namespace Idl.Deploy.Tests;

/// <summary>Every YAML file under deploy/ parses, and each document is a mapping.</summary>
public sealed class YamlFilesTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string f in Repo.Files("deploy", "*.yaml").Concat(Repo.Files("deploy", "*.yml"))) data.Add(f);
        return data;
    }

    [Fact]
    public void Deploy_HasComposeAndKubernetesFiles()
    {
        var files = Repo.Files("deploy", "*.yaml").Concat(Repo.Files("deploy", "*.yml")).ToList();
        Assert.Contains("deploy/docker-compose.yml", files);
        Assert.Contains("deploy/k8s/silo.yaml", files);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_ParsesIntoMappings(string file) => Assert.NotEmpty(Yaml.LoadAll(file));
}
