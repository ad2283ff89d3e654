using System.Diagnostics;

namespace Idl.Client.Tests;

/// <summary>The built idl CLI as a child process (the copy in the test's output folder), for what the in-process
/// runner cannot show: a process-wide memory limit, or a user who lacks a permission.</summary>
internal static class CliProcess
{
    /// <summary>Runs <c>dotnet idl.dll</c> with <paramref name="arguments"/>; <paramref name="wrapper"/> (e.g. setpriv
    /// and its flags) is put in front when given.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment,
        string[]? wrapper, params string[] arguments)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } p ? p : "dotnet";
        string[] command = [.. wrapper ?? [], dotnet, Path.Combine(AppContext.BaseDirectory, "idl.dll"), .. arguments];
        var start = new ProcessStartInfo(command[0]) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in command[1..]) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        try { await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120)); }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
