namespace Idl.Grains.Tests.TestSupport;

/// <summary>Paths of things the real-process tests start: the built silo and Azurite from tools/node_modules.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The silo built in the same configuration as this test assembly (the project reference builds it first).</summary>
    public static string SiloDll => Built("Silo", "idl-silo.dll");

    /// <summary>The idl CLI built in the same configuration (the project reference builds it first).</summary>
    public static string CliDll => Built("Client", "idl.dll");

    public static string Azurite
    {
        get
        {
            string path = Path.Combine(Root, "tools", "node_modules", ".bin", "azurite");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Azurite is not installed at {path}; scripts/test.sh installs it (npm install --prefix tools azurite@3.37.0).");
        }
    }

    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } p ? p : "dotnet";

    private static string Built(string project, string file)
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string path = Path.Combine(Root, "src", project, "bin", configuration, "net10.0", file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{file} is not built at {path}; run 'dotnet build Distributed.sln -c {configuration}'.");
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Distributed.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("Distributed.sln not found above " + AppContext.BaseDirectory);
    }
}
