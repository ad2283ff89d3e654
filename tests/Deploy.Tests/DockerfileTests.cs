using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Idl.Deploy.Tests.TestSupport;

namespace Idl.Deploy.Tests;

/// <summary>deploy/Dockerfile: a build stage that publishes projects of the solution, and runtime stages whose entry
/// points are the published programs' own assemblies.</summary>
public sealed partial class DockerfileTests
{
    internal sealed record Stage(string Name, string Image, List<string> Lines);

    internal static IReadOnlyList<Stage> Stages()
    {
        var stages = new List<Stage>();
        foreach (string raw in Logical(Repo.Read("deploy/Dockerfile")))
        {
            var from = FromLine().Match(raw);
            if (from.Success) stages.Add(new Stage(from.Groups[2].Value, from.Groups[1].Value, []));
            else
            {
                Assert.True(stages.Count > 0, $"'{raw}' comes before the first FROM");
                stages[^1].Lines.Add(raw);
            }
        }
        return stages;
    }

    [Fact]
    public void Stages_AreSdkBuildThenRuntimeSiloAndClient()
    {
        var stages = Stages();
        Assert.Equal(["build", "silo", "client"], stages.Select(s => s.Name));
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[0].Image, StringComparison.Ordinal);
        Assert.All(stages.Skip(1), s => Assert.StartsWith("mcr.microsoft.com/dotnet/runtime:10.0", s.Image, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_PublishesProjectsOfTheSolution()
    {
        var published = Published();
        Assert.Equal(["src/Client/Idl.Client.csproj", "src/Silo/Idl.Silo.csproj"], published.Values.Order());
        var solution = Repo.SolutionProjects();
        Assert.All(published.Values, p =>
        {
            Assert.True(File.Exists(Repo.PathOf(p)), $"{p} does not exist");
            Assert.Contains(p, solution);
        });
    }

    [Fact]
    public void Build_CopiesOnlyPathsThatExist()
    {
        var build = Stages()[0];
        foreach (string line in build.Lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            Assert.All(parts, p => Assert.True(File.Exists(Repo.PathOf(p)) || Directory.Exists(Repo.PathOf(p)), $"COPY source {p} is missing"));
        }
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("client")]
    public void RuntimeStage_RunsTheAssemblyItCopied(string name)
    {
        var stage = Stages().Single(s => s.Name == name);
        var copy = stage.Lines.Single(l => l.StartsWith("COPY --from=", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("--from=build", copy[1]);
        string project = Published()[copy[2]];
        string assembly = XDocument.Load(Repo.PathOf(project)).Descendants("AssemblyName").Single().Value;
        string entry = stage.Lines.Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal))["ENTRYPOINT ".Length..];
        Assert.Equal(["dotnet", assembly + ".dll"], JsonSerializer.Deserialize<string[]>(entry) ?? []);
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputAndLocalStateOut()
    {
        var ignored = Repo.Read(".dockerignore").Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("deploy/.tools/", ignored);
    }

    /// <summary>Output folder of each <c>dotnet publish</c> in the build stage → the project it publishes.</summary>
    private static Dictionary<string, string> Published() =>
        PublishCommand().Matches(string.Join('\n', Stages()[0].Lines))
            .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);

    /// <summary>Dockerfile lines with continuations joined and comments dropped.</summary>
    private static IEnumerable<string> Logical(string text)
    {
        string pending = "";
        foreach (string line in text.Split('\n').Select(l => l.TrimEnd()))
        {
            if (pending.Length == 0 && (line.TrimStart().StartsWith('#') || line.Length == 0)) continue;
            if (line.EndsWith('\\')) { pending += line[..^1] + " "; continue; }
            yield return Regex.Replace(pending + line, @"\s+", " ").Trim();
            pending = "";
        }
    }

    [GeneratedRegex(@"^FROM (\S+) AS (\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"dotnet publish (\S+\.csproj) -c Release -o (\S+)")]
    private static partial Regex PublishCommand();
}
