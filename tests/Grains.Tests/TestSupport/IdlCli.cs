using System.Text.Json.Nodes;

namespace Idl.Grains.Tests.TestSupport;

/// <summary>The built idl CLI as a child process, started as a user would start it.</summary>
internal static class IdlCli
{
    public static ChildProcess Start(string workingDirectory, params string[] arguments) =>
        new(RepoPaths.Dotnet, [RepoPaths.CliDll, .. arguments], workingDirectory);

    /// <summary>Runs the CLI to its end and returns its exit code and output (both streams).</summary>
    public static async Task<(int ExitCode, ChildProcess Process)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var process = Start(workingDirectory, arguments);
        return (await process.WaitForExitAsync(timeout), process);
    }

    /// <summary>The JSON objects the CLI printed on stdout (<c>--json</c>), one a line.</summary>
    public static JsonObject[] JsonLines(ChildProcess process) =>
        [.. process.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonNode.Parse(l)!.AsObject())];
}
