using System.Diagnostics;
using Idl.Grains.Hosting;
using Idl.Grains.Options;
using Idl.Grains.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Idl.Grains.Tests.TestSupport;

/// <summary>
/// An in-process cluster shared by a test collection, with the atomic file store on a temporary folder: files
/// outlive any silo, so a run survives the death of the silo that hosted its coordinator (the memory store would
/// die with its silo). One tracer provider per test process listens to Orleans and to "Idl.Training".
/// </summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    private static readonly object Gate = new();
    private static TracerProvider? _tracer;

    /// <summary>Spans of the whole test process, exported when they end.</summary>
    /// <remarks>The exporter adds from its own thread; readers take <c>lock (Spans)</c>, the same monitor
    /// <see cref="LockedCollection{T}"/> takes on every add, so a reader never enumerates a list being grown.</remarks>
    public static LockedCollection<Activity> Spans { get; } = [];

    /// <summary>The test's own span source (roots of traces).</summary>
    public static readonly ActivitySource TestSource = new("Idl.Tests");

    protected ClusterFixture(short silos) => SiloCount = silos;

    public short SiloCount { get; }

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string StorageFolder { get; } = Path.Combine(Path.GetTempPath(), "idl-grains-tests-" + Guid.NewGuid().ToString("N"));

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        lock (Gate)
            _tracer ??= Sdk.CreateTracerProviderBuilder()
                .AddSource("Microsoft.Orleans.Application", TrainingTelemetry.Name, "Idl.Tests")
                .AddInMemoryExporter(Spans)
                .Build();
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.Options.ConfigureFileLogging = false;
        string folder = StorageFolder;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAtomicFileGrainStorage(folder);
            silo.UseInMemoryReminderService();
            silo.AddImplicitTraining(o =>
            {
                (o.ShardCallTimeout, o.RetryDelay) = (TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(50));
                ConfigureTraining(o);
            });
        });
        builder.ConfigureClient(client =>
        {
            client.AddActivityPropagation();
            if (ClientResponseTimeout is { } timeout) client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = timeout);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The client's response timeout, when a test needs one other than Orleans' 30 s.</summary>
    protected virtual TimeSpan? ClientResponseTimeout => null;

    /// <summary>Changes the silos' training options beyond the test defaults.</summary>
    protected virtual void ConfigureTraining(TrainingClusterOptions options) { }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        try { Directory.Delete(StorageFolder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Three silos for equivalence, training, bad input and tracing tests.</summary>
public sealed class SharedCluster() : ClusterFixture(3);

/// <summary>Two silos with a 1 KiB chunk size, aggregation fan-in 3 and a 64 KiB hard payload limit: every
/// parameter set and contribution of a small model is chunked, and seven shards aggregate in stages.</summary>
public sealed class SmallChunkCluster() : ClusterFixture(2)
{
    public const int ChunkBytes = 1024, FanIn = 3, MaxPayloadBytes = 64 << 10;

    protected override void ConfigureTraining(TrainingClusterOptions options) =>
        (options.ChunkBytes, options.AggregationFanIn, options.MaxPayloadBytes) = (ChunkBytes, FanIn, MaxPayloadBytes);
}

/// <summary>Four silos for the failover tests, which kill some.</summary>
public sealed class FailoverCluster() : ClusterFixture(4);

[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<SharedCluster>
{
    public const string Name = "shared cluster";
}

[CollectionDefinition(Name)]
public sealed class FailoverClusterCollection : ICollectionFixture<FailoverCluster>
{
    public const string Name = "failover cluster";
}
