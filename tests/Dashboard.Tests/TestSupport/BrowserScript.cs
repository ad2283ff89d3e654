using System.Diagnostics;
using System.Text.Json;

namespace Idl.Dashboard.Tests.TestSupport;

/// <summary>Runs browser/dashboard.cjs with Node, playwright-core from tools/browser (installed by scripts/test.sh)
/// and Debian's Chromium, and returns the JSON it prints.</summary>
internal static class BrowserScript
{
    public static async Task<JsonElement> RunAsync(TimeSpan timeout, params string[] args)
    {
        string root = RepoRoot();
        string playwright = Path.Combine(root, "tools", "browser", "node_modules", "playwright-core");
        if (!Directory.Exists(playwright))
            throw new FileNotFoundException($"playwright-core is not installed at {playwright}; scripts/test.sh installs it (npm install --prefix tools/browser playwright-core).");
        string chromium = Environment.GetEnvironmentVariable("IDL_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium)) throw new FileNotFoundException($"Chromium is not installed at {chromium}; scripts/test.sh installs Debian's chromium.");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "browser", "dashboard.cjs"), playwright }.Concat(args)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try { await process.WaitForExitAsync().WaitAsync(timeout); }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the browser script ran over {timeout}: {await stderr}");
        }
        string output = await stdout;
        if (process.ExitCode != 0 || output.Length == 0) throw new InvalidOperationException($"the browser script exited {process.ExitCode}: {await stderr}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Distributed.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Distributed.sln above {AppContext.BaseDirectory}");
    }
}
