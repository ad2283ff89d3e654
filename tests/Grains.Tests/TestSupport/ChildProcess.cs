using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Idl.Grains.Tests.TestSupport;

/// <summary>A child process with its output kept for failure messages; disposing kills it (SIGKILL) if still running.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _stdout = new();

    public ChildProcess(string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            Append(e.Data);
            if (e.Data is { } line) lock (_stdout) _stdout.AppendLine(line);
        };
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Both streams as the lines arrived (the first 200,000 characters).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Standard output alone (a command's data, e.g. the CLI's JSON lines).</summary>
    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a machine losing power for this process.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, what docker stop and Kubernetes send: the host shuts down gracefully and disposes its services.</summary>
    public void Terminate()
    {
        if (!_process.HasExited && Kill(_process.Id, 15) != 0)
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}.");
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try { Kill(); }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }

    // Process.Kill only sends SIGKILL; libc's kill(2) sends any signal.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) if (_output.Length < 200_000) _output.AppendLine(line);
    }
}
