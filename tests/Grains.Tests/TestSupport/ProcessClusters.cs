namespace Idl.Grains.Tests.TestSupport;

/// <summary>
/// One real-process cluster for the whole collection: Azurite, and four idl-silo processes on Azure Table clustering
/// and Azure Blob storage with TLS on every connection. Starting it is the expensive part (Azurite, four silos on two
/// cores), so the failover tests and the CLI survival tests, which kill one silo each, and the TLS tests share it.
/// Every killing test first tops the cluster up to three live silos (a fresh silo only when earlier kills left fewer),
/// so every test can count on at least two live silos.
/// </summary>
public sealed class ProcessClusters : IAsyncLifetime
{
    /// <summary>Password of <see cref="Certificate"/>.</summary>
    public const string Password = "secret";

    private AzuriteProcess? _azurite;
    private SiloProcesses? _silos;

    /// <summary>Temporary folder of this collection (Azurite's working directory, certificates).</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "idl-procs-" + Guid.NewGuid().ToString("N"));

    /// <summary>The cluster certificate every silo and <see cref="SiloProcesses.Client"/> present.</summary>
    public string Certificate => Path.Combine(Folder, "idl-cluster.pfx");

    internal AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite is not started.");

    internal SiloProcesses Silos => _silos ?? throw new InvalidOperationException("The silos are not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        SelfSignedCertificate.WritePfx(Folder, "idl-cluster", Password);
        _azurite = await AzuriteProcess.StartAsync(Folder);
        // Short resume and retry periods, so that the failover tests finish in seconds.
        var training = new Dictionary<string, string> { ["ResumeCheckPeriod"] = "00:00:02", ["ShardCallTimeout"] = "00:00:20", ["RetryDelay"] = "00:00:00.100" };
        _silos = await SiloProcesses.StartAsync(_azurite, "idl-procs-" + Guid.NewGuid().ToString("N")[..8], 4, training, (Certificate, Password));
    }

    public async Task DisposeAsync()
    {
        if (_silos is not null) await _silos.DisposeAsync();
        _azurite?.Dispose();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}

// Alone, after the parallel collections: four silo processes and Azurite starting while the in-process clusters
// start too left one silo without CPU long enough to miss its 60 s join on 2 cores (seen 3 times in 8 runs).
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessClustersCollection : ICollectionFixture<ProcessClusters>
{
    public const string Name = "silo processes on Azurite";
}
