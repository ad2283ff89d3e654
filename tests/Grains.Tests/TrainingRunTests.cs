using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;
using Idl.Numerics.Activations;
using Idl.Numerics.Data;
using Idl.Numerics.Training;

namespace Idl.Grains.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class TrainingRunTests(SharedCluster fixture)
{
    [Theory]
    [InlineData(typeof(ITrainingCoordinatorGrain))]
    [InlineData(typeof(ISweepGrain))]
    public void StatusAsync_WhileATickAwaitsShards_IsAnsweredInterleaved(Type grain)
    {
        // A step waiting on a dead silo's shards holds the grain for up to the shard call timeout (5 minutes by
        // default); status must not wait behind it, or `idl runs status` and the CLI's progress polling time out.
        var status = grain.GetMethod("StatusAsync")!;
        Assert.NotNull(status.GetCustomAttributes(typeof(Orleans.Concurrency.AlwaysInterleaveAttribute), inherit: true).SingleOrDefault());
    }

    [Fact]
    public async Task StartAsync_DigitsThreeEpochs_ReachesSingleProcessAccuracy()
    {
        var spec = new RunSpec { DataSpec = "digits", Hidden = 32, Epochs = 3, BatchSize = 64, Kappa = 0.95, Shards = 3, Seed = 0 };
        string runId = Runs.NewId("digits");
        await fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        var status = await Runs.CompletedAsync(fixture.Grains, runId, TimeSpan.FromSeconds(120));

        double single = SingleProcessAccuracy(spec);
        double distributed = status.Epochs[^1].TestAccuracy!.Value;
        Assert.Equal(3, status.Epochs.Count);
        Assert.Equal(3, status.Shards);
        Assert.True(Math.Abs(distributed - single) <= 0.02, $"distributed {distributed:F4} vs single-process {single:F4}");
        Assert.True(distributed > 0.85, $"accuracy {distributed:F4}");
        Assert.All(status.Epochs, e => Assert.True(e.InfNormA <= 0.95 + 1e-9));
    }

    [Fact]
    public async Task PauseResumeCancel_WhileRunning_AreAnsweredBetweenSteps()
    {
        var spec = new RunSpec { DataSpec = "digits", Hidden = 8, Epochs = 50, BatchSize = 32, Shards = 2, Limit = 640 };
        string runId = Runs.NewId("pause");
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        await run.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        await Runs.WaitAsync(fixture.Grains, runId, s => s.Step >= 3, TimeSpan.FromSeconds(30));

        var paused = await run.PauseAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(200);
        var stillPaused = await run.StatusAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(RunState.Paused, stillPaused.State);
        Assert.Equal(paused.Step, stillPaused.Step);
        Assert.Equal(paused.Step, stillPaused.CheckpointStep);

        await run.ResumeAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await Runs.WaitAsync(fixture.Grains, runId, s => s.Step > paused.Step + 2, TimeSpan.FromSeconds(30));
        var cancelled = await run.CancelAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(100);
        var after = await run.StatusAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(RunState.Cancelled, after.State);
        Assert.Equal(cancelled.Step, after.Step);
        Assert.Contains(runId, await fixture.Grains.GetGrain<IRunRegistryGrain>("default").ListAsync().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task StartAsync_SameSpecTwice_ReturnsTheRunningRun()
    {
        var spec = new RunSpec { DataSpec = "digits", Hidden = 4, Epochs = 1, Shards = 1, Limit = 64 };
        string runId = Runs.NewId("twice");
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        await run.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        var again = await run.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(runId, again.RunId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => run.StartAsync(spec with { Hidden = 5 }).WaitAsync(TimeSpan.FromSeconds(30)));
        await Runs.CompletedAsync(fixture.Grains, runId, TimeSpan.FromSeconds(60));
    }

    // The CLI's single-process path: global input scaling fitted on the training part, then projected-gradient Adam.
    private static double SingleProcessAccuracy(RunSpec spec)
    {
        var loaded = DataSource.Load("digits");
        var (train, test) = (loaded.Train, loaded.Test!);
        double sum = 0, squares = 0;
        foreach (float v in train.Inputs) (sum, squares) = (sum + v, squares + (double)v * v);
        double count = train.Inputs.Length, mean = sum / count, std = Math.Sqrt(squares / count - mean * mean);
        var scaling = new Standardization(Enumerable.Repeat(mean, train.FeatureCount).ToArray(), Enumerable.Repeat(std, train.FeatureCount).ToArray());
        (train, test) = (scaling.ApplyToFeatures(train), scaling.ApplyToFeatures(test));
        var model = ModelInitializer.Create<double>(spec.Hidden, train.FeatureCount, train.OutputCount, ActivationMap.Uniform(new Relu(), spec.Hidden), spec.Seed);
        var options = new TrainingOptions { Epochs = spec.Epochs, BatchSize = spec.BatchSize, LearningRate = spec.LearningRate, Kappa = spec.Kappa, Seed = spec.Seed };
        var result = new ProjectedGradientTrainer<double>(model, train, options).Train(test: test);
        return result.Epochs[^1].TestAccuracy!.Value;
    }
}
