using System.Diagnostics;
using Idl.Deploy.Tests.TestSupport;

namespace Idl.Deploy.Tests;

/// <summary>The shell scripts of deploy/ and benchmarks/: valid bash (<c>bash -n</c>), executable, and the cluster
/// script answers usage without starting anything.</summary>
public sealed class ScriptTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (string f in Repo.Files("deploy", "*.sh").Concat(Repo.Files("benchmarks", "*.sh"))) data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_ParsesAsBash(string script)
    {
        var (code, _, stderr) = Bash("-n", Repo.PathOf(script));
        Assert.True(code == 0, $"bash -n {script}: {stderr}");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_IsExecutable(string script)
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.True(File.GetUnixFileMode(Repo.PathOf(script)).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");
    }

    [Fact]
    public void LocalCluster_WithoutCommand_PrintsUsageAndExitsTwo()
    {
        var (code, _, stderr) = Bash(Repo.PathOf("deploy/local-cluster.sh"));
        Assert.Equal(2, code);
        Assert.Contains("deploy/local-cluster.sh start", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalCluster_StopWithNothingRecorded_Succeeds()
    {
        string state = Path.Combine(Path.GetTempPath(), "idl-deploy-test-" + Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = Bash(Repo.PathOf("deploy/local-cluster.sh"), "stop", "--state", state);
        Assert.Equal(0, code);
        Assert.Contains("nothing to stop", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Bash(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            throw new TimeoutException($"bash {string.Join(' ', args)} ran over 30 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
