namespace Idl.Grains.Tests.TestSupport;

/// <summary>
/// One Azurite for every real-process test of the collection, and the silo clusters they run on it: each cluster is
/// started by the first test that asks for it (a filtered run starts only what it uses) and then shared, so the
/// failover tests pay for Azurite and their silos once. Every cluster gets its own cluster id, so their membership
/// rows and grain state never meet.
/// </summary>
public sealed class ProcessClusters : IAsyncLifetime
{
    private readonly Dictionary<string, Task<SiloProcesses>> _clusters = [];
    private AzuriteProcess? _azurite;

    /// <summary>Temporary folder of this collection (Azurite's working directory, certificates).</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "idl-procs-" + Guid.NewGuid().ToString("N"));

    internal AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        _azurite = await AzuriteProcess.StartAsync(Folder);
    }

    /// <summary>The cluster named <paramref name="name"/>, started by <paramref name="start"/> on first use.</summary>
    internal Task<SiloProcesses> ClusterAsync(string name, Func<AzuriteProcess, Task<SiloProcesses>> start)
    {
        lock (_clusters)
        {
            if (!_clusters.TryGetValue(name, out var cluster)) _clusters[name] = cluster = start(Azurite);
            return cluster;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters.Values)
        {
            try { await (await cluster).DisposeAsync(); }
            catch (Exception) { }
        }
        _azurite?.Dispose();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ProcessClustersCollection : ICollectionFixture<ProcessClusters>
{
    public const string Name = "silo processes on Azurite";
}
