using YamlDotNet.RepresentationModel;

namespace Idl.Deploy.Tests.TestSupport;

/// <summary>Loading YAML documents and walking them by key, with failures that name the missing path.</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> LoadAll(string relative)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(Repo.Read(relative))) stream.Load(reader);
        return stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode)).ToList();
    }

    public static YamlMappingNode Load(string relative) => Assert.Single(LoadAll(relative));

    public static YamlNode? Find(this YamlNode node, string path)
    {
        YamlNode? current = node;
        foreach (string key in path.Split('.'))
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out current)) return null;
        }
        return current;
    }

    public static YamlNode At(this YamlNode node, string path) =>
        node.Find(path) ?? throw new Xunit.Sdk.XunitException($"YAML path '{path}' is missing.");

    public static YamlMappingNode Map(this YamlNode node, string path) => Assert.IsType<YamlMappingNode>(node.At(path));

    public static string Text(this YamlNode node, string path) => Assert.IsType<YamlScalarNode>(node.At(path)).Value ?? "";

    public static IReadOnlyList<YamlNode> Items(this YamlNode node, string path) => Assert.IsType<YamlSequenceNode>(node.At(path)).Children.ToList();

    public static IReadOnlyList<string> Strings(this YamlNode node, string path) =>
        node.Items(path).Select(i => Assert.IsType<YamlScalarNode>(i).Value ?? "").ToList();

    public static IReadOnlyDictionary<string, string> Pairs(this YamlNode node, string path) =>
        node.Map(path).Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => (kv.Value as YamlScalarNode)?.Value ?? "");
}
