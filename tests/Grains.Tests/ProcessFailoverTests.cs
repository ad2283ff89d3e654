using Azure.Storage.Blobs;
using Idl.Grains.Contracts;
using Idl.Grains.Coordinator;
using Idl.Grains.Hosting;
using Idl.Grains.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Idl.Grains.Tests;

/// <summary>
/// Three real silo processes on Azure Table clustering and Azure Blob storage (Azurite from tools/node_modules), a
/// SIGKILL of the silo hosting the coordinator mid-run. Nobody calls the coordinator after the kill: the run must
/// resume by its reminder alone, which the test watches in the stored checkpoint blob.
/// </summary>
public sealed class ProcessFailoverTests : IAsyncLifetime
{
    private const int Interval = 4;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "idl-procs-" + Guid.NewGuid().ToString("N"));
    private AzuriteProcess? _azurite;
    private SiloProcesses? _silos;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _azurite = await AzuriteProcess.StartAsync(_folder);
        _silos = new SiloProcesses(_azurite, "idl-failover-" + Guid.NewGuid().ToString("N")[..8]);
        _silos.Start(3, new Dictionary<string, string> { ["ResumeCheckPeriod"] = "00:00:02", ["ShardCallTimeout"] = "00:00:20", ["RetryDelay"] = "00:00:00.100" });
        await _silos.ConnectAsync(3, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task KillSilo_HostingTheCoordinator_RunResumesByReminderAndCompletes()
    {
        var grains = _silos!.Client;
        string runId = Runs.NewId("proc");
        var run = grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        var spec = new RunSpec { DataSpec = "digits", Hidden = 8, Epochs = 2, BatchSize = 32, Shards = 6, Limit = 768, CheckpointInterval = Interval };
        await run.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        var before = await Runs.WaitAsync(grains, runId, s => s.Step >= 8, TimeSpan.FromSeconds(60));
        string host = await run.HostAsync().WaitAsync(TimeSpan.FromSeconds(10));

        _silos.Kill(host);
        var stored = await WaitForStoredAsync(runId, s => s.State == RunState.Completed, TimeSpan.FromSeconds(90));

        Assert.True(stored.Restarts >= 1, "the coordinator never restarted");
        Assert.True(stored.ResumedFromStep >= before.Step - Interval, $"resumed from {stored.ResumedFromStep}, step {before.Step} was reached before the kill");
        var done = await run.StatusAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(RunState.Completed, done.State);
        Assert.Equal(done.TotalSteps, done.Step);
        Assert.Equal(spec.Epochs, done.Epochs.Count);
        Assert.All(done.Epochs, e => Assert.True(double.IsFinite(e.TrainLoss)));
        Assert.NotEqual(host, await run.HostAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, hosts.Count);
    }

    // Reads the coordinator's checkpoint straight from the blob store, so that watching does not activate the grain.
    private async Task<CoordinatorState> WaitForStoredAsync(string runId, Func<CoordinatorState, bool> done, TimeSpan timeout)
    {
        var container = new BlobServiceClient(_azurite!.ConnectionString).GetBlobContainerClient(ClusterHostingExtensions.BlobContainer);
        using var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(CoordinatorState).Assembly)).BuildServiceProvider();
        var serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        var deadline = DateTime.UtcNow + timeout;
        CoordinatorState? last = null;
        while (true)
        {
            await foreach (var blob in container.GetBlobsAsync())
            {
                if (!blob.Name.Contains(runId, StringComparison.Ordinal) || !blob.Name.Contains("coordinator", StringComparison.OrdinalIgnoreCase)) continue;
                var content = await container.GetBlobClient(blob.Name).DownloadContentAsync().WaitAsync(TimeSpan.FromSeconds(10));
                last = serializer.Deserialize<CoordinatorState>(content.Value.Content) ?? throw new InvalidDataException($"blob {blob.Name} holds no state");
                if (done(last)) return last;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Stored run {runId}: state {last?.State}, step {last?.Step}, restarts {last?.Restarts} after {timeout}.\n{_silos!.Outputs()}");
            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        if (_silos is not null) await _silos.DisposeAsync();
        _azurite?.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
