using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;
using Idl.Numerics;

namespace Idl.Grains.Tests.History;

/// <summary>What a run records in its history, in both precisions: one point per step whose step-weighted mean loss
/// is the epoch's training loss, and a certified λ_PF(|A|) enclosure per epoch that respects ‖A‖∞ ≤ κ.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class RunHistoryTests(SharedCluster fixture)
{
    [Theory]
    [InlineData(Precision.Float64)]
    [InlineData(Precision.Float32)]
    public async Task HistoryAsync_CompletedRun_StepCurveMatchesEpochsAndLambdaPfPerEpoch(Precision precision)
    {
        var spec = new RunSpec { DataSpec = "digits", Hidden = 8, Epochs = 2, BatchSize = 64, Shards = 2, Limit = 256, Kappa = 0.9, Precision = precision };
        string runId = Runs.NewId("hist");
        await fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(60));
        var status = await Runs.CompletedAsync(fixture.Grains, runId, TimeSpan.FromSeconds(120));
        var history = await fixture.Grains.GetGrain<IRunHistoryGrain>(runId).HistoryAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(1, (int)status.TotalSteps).Select(s => (long)s), history.Steps.Select(p => p.Step));
        long perEpoch = status.TotalSteps / spec.Epochs;
        for (int e = 0; e < spec.Epochs; e++)
        {
            var epoch = history.Steps.Skip((int)(e * perEpoch)).Take((int)perEpoch).ToList();
            double meanLoss = epoch.Sum(p => p.Loss * p.Samples) / epoch.Sum(p => p.Samples);
            Assert.Equal(status.Epochs[e].TrainLoss, meanLoss, 1e-9 * Math.Max(1, meanLoss));
        }
        // The phase split: shards computed inside the collection, which (with the update) lies inside the step.
        Assert.All(history.Steps, p => Assert.True(0 < p.ComputeSeconds && p.ComputeSeconds <= p.CollectSeconds + 1e-3
            && p.CollectSeconds + p.UpdateSeconds <= p.Seconds + 1e-9 && p.UpdateSeconds > 0, p.ToString()));
        Assert.Equal([1, 2], history.PerronFrobenius.Select(p => p.Epoch));
        // The start (step 0) and every epoch end checkpoint (the 20-step interval is never reached here); the last is the status's.
        Assert.Equal([0, perEpoch, 2 * perEpoch], history.Checkpoints!);
        Assert.Equal(status.CheckpointStep, history.Checkpoints![^1]);
        Assert.All(history.PerronFrobenius, p => Assert.True(0 <= p.Lower && p.Lower <= p.Upper && p.Lower <= spec.Kappa + 1e-6, p.ToString()));
        Assert.Equal(RunEventKind.Started, Assert.Single(history.Events).Kind);
    }
}
