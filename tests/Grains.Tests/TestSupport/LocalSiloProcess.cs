using System.Net;
using Idl.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Idl.Grains.Tests.TestSupport;

/// <summary>One built idl-silo process on localhost clustering, loopback ports and a temporary file store, started
/// with the flags a user would pass, plus a client. Disposing kills the process if a test left it running.</summary>
internal sealed class LocalSiloProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly int _gatewayPort = LoopbackSilo.FreePort();
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "idl-silo-" + Guid.NewGuid().ToString("N"));
    private IHost? _client;

    public LocalSiloProcess(IEnumerable<string> flags)
    {
        string dll = RepoPaths.SiloDll;
        string[] arguments =
        [
            dll, "--clustering", "localhost", "--silo-port", $"{LoopbackSilo.FreePort()}", "--gateway-port", $"{_gatewayPort}",
            "--storage", "file:" + _storage, .. flags,
        ];
        _process = new ChildProcess(RepoPaths.Dotnet, arguments, Path.GetDirectoryName(dll)!, new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
    }

    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    public string Output => _process.Output;

    public async Task ConnectAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_client is null)
        {
            try { _client = await LoopbackSilo.ConnectAsync(new ClusterClientOptions { Gateways = [new IPEndPoint(IPAddress.Loopback, _gatewayPort)] }, 10); }
            catch (Exception) when (DateTime.UtcNow < deadline && !_process.HasExited) { await Task.Delay(200); }
            catch (Exception e) { throw new TimeoutException($"No client connection (silo exited: {_process.HasExited}): {Output}", e); }
        }
    }

    /// <summary>Waits for a silo that should stop on its own (a configuration error); returns its exit code.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>Closes the client, then stops the silo with SIGTERM; returns the silo's exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        await CloseClientAsync();
        _process.Terminate();
        return await _process.WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await CloseClientAsync();
        _process.Dispose();
        try { Directory.Delete(_storage, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { }
    }

    private async Task CloseClientAsync()
    {
        if (_client is null) return;
        try { await _client.StopAsync().WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (Exception) { }
        _client.Dispose();
        _client = null;
    }
}
