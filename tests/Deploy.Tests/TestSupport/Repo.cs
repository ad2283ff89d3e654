namespace Idl.Deploy.Tests.TestSupport;

/// <summary>Paths in the repository these tests run from (found by walking up to Distributed.sln).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Repository-relative paths (with '/') of the files under <paramref name="folder"/> matching
    /// <paramref name="pattern"/>, skipping git-ignored tool and state folders.</summary>
    public static IReadOnlyList<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(PathOf(folder), pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Contains("/.tools/", StringComparison.Ordinal) && !f.Contains("/.local/", StringComparison.Ordinal)
                && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Project paths (with '/') listed in Distributed.sln.</summary>
    public static IReadOnlyList<string> SolutionProjects() =>
        Read("Distributed.sln").Split('\n')
            .Where(l => l.StartsWith("Project(", StringComparison.Ordinal) && l.Contains(".csproj", StringComparison.Ordinal))
            .Select(l => l.Split('"')[5].Replace('\\', '/')).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Distributed.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Distributed.sln above {AppContext.BaseDirectory}.");
    }
}
