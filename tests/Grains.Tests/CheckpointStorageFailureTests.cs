using Idl.Grains.Contracts;
using Idl.Grains.Coordinator;
using Idl.Grains.Hosting;
using Idl.Grains.Storage;
using Idl.Grains.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Idl.Grains.Tests;

/// <summary>
/// A store that fails every write on demand (a full disk): the checkpoint step a run reports stays the last one
/// durably written, repeated failures pause the run with the reason, and resuming once the store works again goes on.
/// </summary>
public sealed class CheckpointStorageFailureTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "idl-failing-store-" + Guid.NewGuid().ToString("N"));
    private readonly FailingStore _store = new();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        var (folder, store) = (_folder, _store);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddGrainStorage(TrainingSiloExtensions.StorageName, (sp, key) =>
                store.Wrap(new AtomicFileGrainStorage(key, new AtomicFileStorageOptions { RootDirectory = folder }, sp.GetRequiredService<Serializer>())));
            silo.UseInMemoryReminderService();
            silo.AddImplicitTraining(o => (o.RetryDelay, o.MaxCheckpointFailures) = (TimeSpan.FromMilliseconds(20), 3));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Checkpoint_StoreFailing_ReportsLastDurableStepPausesWithReasonAndResumes()
    {
        string runId = Runs.NewId("diskfull");
        var spec = new RunSpec { DataSpec = "digits", Hidden = 6, Epochs = 200, BatchSize = 64, Shards = 1, Limit = 256, CheckpointInterval = 2 };
        var run = _cluster.Client.GetGrain<ITrainingCoordinatorGrain>(runId);
        await run.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        await Runs.WaitAsync(_cluster.Client, runId, s => s.CheckpointStep >= 4, TimeSpan.FromSeconds(60));

        _store.Failing = true;
        var paused = await Runs.WaitAsync(_cluster.Client, runId, s => s.State == RunState.Paused, TimeSpan.FromSeconds(60));
        Assert.StartsWith("checkpoint storage failing: No space left on device", paused.Error);
        Assert.Equal(_store.LastDurableStep, paused.CheckpointStep);
        Assert.True(paused.Step > paused.CheckpointStep, $"step {paused.Step}, checkpoint {paused.CheckpointStep}: the failed writes were after it");
        Assert.True(_store.FailedWrites >= 3);

        _store.Failing = false;
        var resumed = await run.ResumeAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(RunState.Running, resumed.State);
        Assert.Null(resumed.Error);
        var later = await Runs.WaitAsync(_cluster.Client, runId, s => s.CheckpointStep > paused.Step, TimeSpan.FromSeconds(60));
        Assert.Equal(RunState.Running, later.State);
        await run.CancelAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task WriteState_MoveFails_LeavesNoTemporaryFile()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var storage = new AtomicFileGrainStorage("idl", new AtomicFileStorageOptions { RootDirectory = _folder }, services.GetRequiredService<Serializer>());
        var id = GrainId.Create("checkpoint", "temp");
        var state = new GrainState<List<double>> { State = [1, 2, 3] };
        await storage.WriteStateAsync("run", id, state);
        string file = Directory.GetFiles(_folder, "*.bin", SearchOption.AllDirectories).Single();
        // A folder where the state file goes makes the final rename fail after the temporary file was written.
        File.Delete(file);
        Directory.CreateDirectory(file);
        var fresh = new GrainState<List<double>> { State = [4] };
        await Assert.ThrowsAnyAsync<IOException>(() => storage.WriteStateAsync("run", id, fresh));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>The injected failure: while <see cref="Failing"/>, every write throws as a full disk does.</summary>
    private sealed class FailingStore
    {
        public volatile bool Failing;
        private long _lastDurableStep = -1, _failedWrites;

        public long LastDurableStep => Interlocked.Read(ref _lastDurableStep);

        public long FailedWrites => Interlocked.Read(ref _failedWrites);

        public IGrainStorage Wrap(IGrainStorage inner) => new Store(this, inner);

        private sealed class Store(FailingStore owner, IGrainStorage inner) : IGrainStorage
        {
            public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

            public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
            {
                if (owner.Failing)
                {
                    Interlocked.Increment(ref owner._failedWrites);
                    throw new IOException("No space left on device");
                }
                await inner.WriteStateAsync(stateName, grainId, grainState);
                if (grainState.State is CoordinatorState s) Interlocked.Exchange(ref owner._lastDurableStep, s.Step);
            }

            public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
        }
    }
}
