using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using Idl.Grains.Contracts;
using Idl.Grains.Data;
using Idl.Grains.Hosting;
using Idl.Grains.Tests.TestSupport;
using Idl.Numerics.Data;
using Idl.Numerics.Data.Preparation;
using Orleans.TestingHost;

namespace Idl.Grains.Tests;

/// <summary>Data read from Azure Blob storage (Azurite): the cache's versioning and errors, and shards of a run that
/// load their slices from a blob and train exactly as on the same file on disk.</summary>
public sealed class BlobDataTests(BlobDataTests.Storage storage) : IClassFixture<BlobDataTests.Storage>
{
    /// <summary>One Azurite for the class (each start costs a second or two), a container and a scratch folder.</summary>
    public sealed class Storage : IAsyncLifetime
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "idl-blobdata-" + Guid.NewGuid().ToString("N"));

        private AzuriteProcess? _azurite;

        public string ConnectionString => _azurite!.ConnectionString;

        public BlobContainerClient Container { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Folder);
            _azurite = await AzuriteProcess.StartAsync(Folder);
            Container = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient("data");
            await Container.CreateAsync();
        }

        public Task DisposeAsync()
        {
            _azurite?.Dispose();
            Directory.Delete(Folder, recursive: true);
            return Task.CompletedTask;
        }
    }

    // Each test its own scratch folder and cache, so no test sees another's copies.
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(storage.Folder, Guid.NewGuid().ToString("N"))).FullName;
    private readonly BlobContainerClient _container = storage.Container;
    private readonly string _connection = storage.ConnectionString;

    private BlobDataCache Cache() => new(_connection, Path.Combine(_folder, "cache"));

    [Fact]
    public async Task Resolve_CsvBlob_DownloadsOncePerVersion()
    {
        await Upload("sets/small.csv", "a,b,label\n1,2,0\n3,4,1\n");
        var cache = Cache();

        string first = cache.Resolve("csv:blob://data/sets/small.csv");
        string path = first["csv:".Length..];
        var written = File.GetLastWriteTimeUtc(path);
        string again = cache.Resolve("csv:blob://data/sets/small.csv");
        await Upload("sets/small.csv", "a,b,label\n5,6,1\n");
        string replaced = cache.Resolve("csv:blob://data/sets/small.csv");

        Assert.StartsWith(Path.Combine(_folder, "cache"), path);
        Assert.Equal("a,b,label\n1,2,0\n3,4,1\n", File.ReadAllText(path));
        Assert.Equal(first, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.NotEqual(first, replaced);
        Assert.Equal("a,b,label\n5,6,1\n", File.ReadAllText(replaced["csv:".Length..]));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_folder, "cache"), "*.partial-*"));
    }

    [Fact]
    public async Task Resolve_MnistFolder_ReadsLikeTheSameFilesOnDisk()
    {
        var local = Path.Combine(_folder, "mnist-local");
        Directory.CreateDirectory(local);
        foreach (var (name, bytes) in MnistFiles())
        {
            await File.WriteAllBytesAsync(Path.Combine(local, name), bytes);
            await _container.GetBlobClient("mnist/" + name).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
        }
        await Upload("mnist/nested/ignored.txt", "a blob in a sub-folder is not part of the set");

        var fromBlob = DataSource.Load(Cache().Resolve("mnist:blob://data/mnist"), new DataSourceOptions { Start = 3, Count = 5 });
        var fromDisk = DataSource.Load("mnist:" + local, new DataSourceOptions { Start = 3, Count = 5 });

        Assert.Equal(5, fromBlob.Train.SampleCount);
        Assert.Equal(fromDisk.Train.Inputs.ToArray(), fromBlob.Train.Inputs.ToArray());
        Assert.Equal(fromDisk.Test!.Labels.ToArray(), fromBlob.Test!.Labels.ToArray());
    }

    [Theory]
    [InlineData("csv:blob://data/missing.csv", "data/missing.csv")]
    [InlineData("csv:blob://nocontainer/x.csv", "nocontainer/x.csv")]
    [InlineData("mnist:blob://data/empty-folder", "data/empty-folder")]
    public void Resolve_MissingBlob_ThrowsFileNotFoundNamingIt(string spec, string named)
    {
        var e = Assert.Throws<FileNotFoundException>(() => Cache().Resolve(spec));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void Resolve_UnreachableAccount_ThrowsBlobDataExceptionNamingTheSpecification()
    {
        // Port 1 refuses at once: three tries, then one message (not the SDK's six tries and an aggregate of traces).
        string unreachable = _connection.Replace(new Uri(_connection.Split("BlobEndpoint=")[1].Split(';')[0]).Authority, "127.0.0.1:1", StringComparison.Ordinal);
        var e = Assert.Throws<BlobDataException>(() => new BlobDataCache(unreachable, _folder).Resolve("csv:blob://data/x.csv"));
        Assert.Contains("csv:blob://data/x.csv", e.Message);
        Assert.Contains("did not answer after 3 tries", e.Message);
    }

    [Theory]
    [InlineData("digits")]
    [InlineData("csv:/tmp/local.csv")]
    public void Resolve_NotABlob_ReturnsTheSpecificationUnchanged(string spec) =>
        Assert.Equal(spec, new BlobDataCache(null, _folder).Resolve(spec));

    [Theory]
    [InlineData("csv:blob://data/x.csv", "DataConnection")]
    [InlineData("synthetic:blob://data/x", "only csv:, libsvm: and mnist:")]
    [InlineData("csv:blob://", "names no container")]
    public void Resolve_UnusableSpecification_ThrowsArgumentNamingTheFix(string spec, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => new BlobDataCache(null, _folder).Resolve(spec));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task Train_ShardsReadingABlob_MatchTheRunOnTheSameLocalFile()
    {
        var digits = DataSource.Load("digits", new DataSourceOptions { Count = 240, LoadTest = false }).Train;
        string csv = Csv(digits);
        string localFile = Path.Combine(_folder, "digits.csv");
        await File.WriteAllTextAsync(localFile, csv);
        await Upload("digits.csv", csv);

        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        string grainFolder = Path.Combine(_folder, "grains"), cache = Path.Combine(_folder, "silo-cache"), connection = _connection;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAtomicFileGrainStorage(grainFolder);
            silo.UseInMemoryReminderService();
            silo.AddImplicitTraining(o => (o.DataConnection, o.DataCacheDirectory, o.ShardCallTimeout) = (connection, cache, TimeSpan.FromSeconds(30)));
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var spec = new RunSpec { DataSpec = "csv:blob://data/digits.csv", Hidden = 6, Epochs = 2, BatchSize = 60, Shards = 3, Seed = 4 };
        var fromBlob = await TrainAsync(cluster.Client, spec);
        var fromDisk = await TrainAsync(cluster.Client, spec with { DataSpec = "csv:" + localFile });

        // A CSV has no test part: both runs hold out the same samples by the per-sample rule a single process applies.
        Assert.Equal(Enumerable.Range(0, 240).Count(i => !HoldOut.IsHeldOut(spec.Seed, i, spec.HoldOut)), fromBlob.Samples);
        Assert.Equal(fromDisk.Epochs.Select(e => e.TrainLoss), fromBlob.Epochs.Select(e => e.TrainLoss));
        Assert.Single(Directory.GetDirectories(cache)); // one copy per silo machine, shared by the shards and both calls
    }

    private static async Task<RunStatus> TrainAsync(IGrainFactory grains, RunSpec spec)
    {
        string runId = Runs.NewId("blob");
        await grains.GetGrain<ITrainingCoordinatorGrain>(runId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        return await Runs.CompletedAsync(grains, runId, TimeSpan.FromSeconds(90));
    }

    private Task Upload(string name, string text) =>
        _container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true);

    private static string Csv(Dataset data)
    {
        var text = new StringBuilder();
        var x = data.Inputs;
        for (int i = 0; i < data.SampleCount; i++)
        {
            for (int j = 0; j < data.FeatureCount; j++) text.Append(x[i * data.FeatureCount + j].ToString("R", CultureInfo.InvariantCulture)).Append(',');
            text.Append(data.Labels[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    private static IEnumerable<(string Name, byte[] Bytes)> MnistFiles()
    {
        static byte[] Images(int n, int seed)
        {
            var bytes = new byte[16 + n * 4 * 4];
            BinaryPrimitives.WriteInt32BigEndian(bytes, 0x00000803);
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), n);
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 4);
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), 4);
            new Random(seed).NextBytes(bytes.AsSpan(16));
            return bytes;
        }
        static byte[] Labels(int n, int seed)
        {
            var bytes = new byte[8 + n];
            BinaryPrimitives.WriteInt32BigEndian(bytes, 0x00000801);
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), n);
            var rng = new Random(seed);
            for (int i = 0; i < n; i++) bytes[8 + i] = (byte)rng.Next(10);
            return bytes;
        }
        yield return ("train-images-idx3-ubyte", Images(20, 1));
        yield return ("train-labels-idx1-ubyte", Labels(20, 2));
        yield return ("t10k-images-idx3-ubyte", Images(8, 3));
        yield return ("t10k-labels-idx1-ubyte", Labels(8, 4));
    }
}
