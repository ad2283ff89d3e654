using Azure.Storage.Blobs;
using Idl.Grains.Coordinator;
using Idl.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Idl.Grains.Tests.TestSupport;

/// <summary>Reads coordinators' checkpoints straight from the Azure blob store, so that watching a run neither
/// activates its grain nor trusts what a live activation holds in memory.</summary>
internal sealed class StoredRuns(AzuriteProcess azurite) : IDisposable
{
    private readonly BlobContainerClient _container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(ClusterHostingExtensions.BlobContainer);
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(CoordinatorState).Assembly)).BuildServiceProvider();

    /// <summary>Polls the stored state of <paramref name="runId"/> until <paramref name="done"/> holds.</summary>
    /// <param name="diagnostics">Appended to the timeout message (the silos' output).</param>
    public async Task<CoordinatorState> WaitAsync(string runId, Func<CoordinatorState, bool> done, TimeSpan timeout, Func<string> diagnostics)
    {
        var serializer = new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>());
        var deadline = DateTime.UtcNow + timeout;
        CoordinatorState? last = null;
        while (true)
        {
            await foreach (var blob in _container.GetBlobsAsync())
            {
                if (!blob.Name.Contains(runId, StringComparison.Ordinal) || !blob.Name.Contains("coordinator", StringComparison.OrdinalIgnoreCase)) continue;
                var content = await _container.GetBlobClient(blob.Name).DownloadContentAsync().WaitAsync(TimeSpan.FromSeconds(10));
                last = serializer.Deserialize<CoordinatorState>(content.Value.Content) ?? throw new InvalidDataException($"blob {blob.Name} holds no state");
                if (done(last)) return last;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Stored run {runId}: state {last?.State}, step {last?.Step}, restarts {last?.Restarts} after {timeout}.\n{diagnostics()}");
            await Task.Delay(250);
        }
    }

    public void Dispose() => _services.Dispose();
}
