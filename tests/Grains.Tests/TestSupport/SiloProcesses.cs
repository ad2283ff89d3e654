using Idl.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Idl.Grains.Tests.TestSupport;

/// <summary>Silo processes (the built idl-silo) on Azure Table clustering and Azure Blob storage, plus a client.
/// Disposing kills every process it started, also when a test failed.</summary>
/// <param name="tls">The cluster certificate (.pfx) and its password, given to every silo and to
/// <see cref="Client"/>; null for plain TCP.</param>
internal sealed class SiloProcesses(AzuriteProcess azurite, string clusterId, (string Path, string? Password)? tls = null) : IAsyncDisposable
{
    private readonly List<(ChildProcess Process, int SiloPort)> _silos = [];
    private IReadOnlyDictionary<string, string> _training = new Dictionary<string, string>();
    private IHost? _client;

    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    /// <summary>Starts <paramref name="count"/> silos and connects <see cref="Client"/> once all are active; kills
    /// whatever it started when that fails.</summary>
    public static async Task<SiloProcesses> StartAsync(AzuriteProcess azurite, string clusterId, int count,
        IReadOnlyDictionary<string, string> training, (string Path, string? Password)? tls = null)
    {
        var silos = new SiloProcesses(azurite, clusterId, tls);
        try
        {
            silos.Start(count, training);
            await silos.ConnectAsync(count, TimeSpan.FromSeconds(60));
            return silos;
        }
        catch
        {
            await silos.DisposeAsync();
            throw;
        }
    }

    /// <summary>Client options for this cluster's Azure Table, with the certificate given (not necessarily the cluster's).</summary>
    public ClusterClientOptions ClientOptions(string? tlsCertificate, string? tlsPassword) =>
        new() { AzureConnection = azurite.ConnectionString, ClusterId = clusterId, ServiceId = clusterId, TlsCertificate = tlsCertificate, TlsPassword = tlsPassword };

    /// <summary>The options of <c>idl --cluster</c> that reach this cluster as a user would: its Azure Table, its ids
    /// and, with TLS, the certificate.</summary>
    public string[] CliArguments()
    {
        var arguments = new List<string> { "--cluster", "azure:" + azurite.ConnectionString, "--cluster-id", clusterId, "--service-id", clusterId };
        if (tls is { } t) arguments.AddRange(["--tls-cert", t.Path]);
        if (tls?.Password is { } secret) arguments.AddRange(["--tls-password", secret]);
        return [.. arguments];
    }

    /// <summary>Starts silos until <paramref name="live"/> processes run (settings as the first ones), and waits until
    /// the membership's active silos are exactly the running processes: tests that kill a silo call this first, so that
    /// each keeps at least two live silos whatever the collection's order and however many silos earlier tests killed.</summary>
    public async Task TopUpAsync(int live, TimeSpan timeout)
    {
        int running = _silos.Count(s => !s.Process.HasExited);
        if (running < live) Start(live - running, _training);
        int active = await SettledAsync(timeout);
        if (active != Math.Max(live, running)) throw new TimeoutException($"{active} silos active, {Math.Max(live, running)} running, after {timeout}: {Outputs()}");
    }

    public void Start(int count, IReadOnlyDictionary<string, string> training)
    {
        _training = training;
        string dll = RepoPaths.SiloDll;
        for (int i = 0; i < count; i++)
        {
            int siloPort = LoopbackSilo.FreePort();
            var environment = new Dictionary<string, string>
            {
                ["IDL_Silo__Clustering"] = "azure:" + azurite.ConnectionString, ["IDL_Silo__Storage"] = "azure:" + azurite.ConnectionString,
                ["IDL_Silo__ClusterId"] = clusterId, ["IDL_Silo__ServiceId"] = clusterId,
                ["IDL_Silo__SiloPort"] = $"{siloPort}", ["IDL_Silo__GatewayPort"] = $"{LoopbackSilo.FreePort()}",
                ["IDL_Silo__ResponseTimeout"] = "00:00:10", ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var (k, v) in training) environment["IDL_Silo__Training__" + k] = v;
            if (tls is var (certificate, password))
            {
                environment["IDL_Silo__TlsCertificate"] = certificate;
                if (password is not null) environment["IDL_Silo__TlsPassword"] = password;
            }
            _silos.Add((new ChildProcess(RepoPaths.Dotnet, [dll], Path.GetDirectoryName(dll)!, environment), siloPort));
        }
    }

    public async Task ConnectAsync(int expectedSilos, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_client is null)
        {
            try { _client = await LoopbackSilo.ConnectAsync(ClientOptions(tls?.Path, tls?.Password), 10); }
            catch (Exception) when (DateTime.UtcNow < deadline && !_silos.Any(s => s.Process.HasExited)) { await Task.Delay(250); }
            catch (Exception e) { throw new TimeoutException("No client connection: " + Outputs(), e); }
        }
        while (true)
        {
            var hosts = await Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(10));
            if (hosts.Count >= expectedSilos) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{hosts.Count} of {expectedSilos} silos active after {timeout}: {Outputs()}");
            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILLs the silo whose address (as grains report it, e.g. "S127.0.0.1:11111:…") names its port.</summary>
    public void Kill(string siloAddress)
    {
        var victim = _silos.Single(s => siloAddress.Contains($":{s.SiloPort}:", StringComparison.Ordinal) || siloAddress.EndsWith($":{s.SiloPort}", StringComparison.Ordinal));
        victim.Process.Kill();
    }

    /// <summary>Waits until the membership's active silos are exactly the processes still running, and returns their
    /// number. A SIGKILLed silo stays "active" until the survivors' probes declare it dead (seconds to tens of
    /// seconds); a test that counts silos, or asks where grains live, before that sees a silo that refuses
    /// connections. Returns the membership's count as it stands when <paramref name="timeout"/> passes, so that the
    /// caller's assertion names what was seen.</summary>
    public async Task<int> SettledAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            // Until the dead silo is declared, even this call can fail: the management grain's directory entry may
            // live on the dead silo (seen on CI: "Unable to connect" from the directory lookup).
            var hosts = await Runs.RetryAsync(() => Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true), deadline - DateTime.UtcNow);
            var live = _silos.Where(s => !s.Process.HasExited).Select(s => s.SiloPort).ToHashSet();
            bool settled = hosts.Count == live.Count && hosts.Keys.All(h => live.Contains(h.Endpoint.Port));
            if (settled || DateTime.UtcNow > deadline) return hosts.Count;
            await Task.Delay(250);
        }
    }

    public string Outputs() => string.Join("\n---\n", _silos.Select(s => $"silo :{s.SiloPort} (exited: {s.Process.HasExited})\n{s.Process.Output}"));

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            try { await _client.StopAsync().WaitAsync(TimeSpan.FromSeconds(10)); }
            catch (Exception) { }
            _client.Dispose();
        }
        foreach (var (process, _) in _silos) process.Dispose();
    }
}
