using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests;

/// <summary>A sweep's ASHA trial pauses itself at each rung (RunSpec.HoldFirstEpoch, HoldFactor) until resumed, so that
/// a stop decided at a rung always reaches its run before it trains past the rung.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class RunHoldTests(SharedCluster fixture)
{
    [Theory]
    [InlineData(1, 2, 9, new[] { 1, 2, 4, 8 })]
    [InlineData(1, 3, 9, new[] { 1, 3 })]
    [InlineData(2, 2, 8, new[] { 2, 4 })]
    [InlineData(0, 2, 8, new int[0])]
    public void HoldsAfter_RungsBelowTheLastEpoch_AreExactlyRTimesPowersOfEta(int first, int factor, int epochs, int[] rungs)
    {
        var spec = new RunSpec { HoldFirstEpoch = first, HoldFactor = factor, Epochs = epochs };
        Assert.Equal(rungs, Enumerable.Range(1, epochs).Where(spec.HoldsAfter));
    }

    [Fact]
    public async Task Run_WithRungsOneAndTwo_PausesAfterEachWithoutErrorAndCompletesWhenResumed()
    {
        string runId = Runs.NewId("hold");
        var run = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId);
        var spec = TestSupport.Sweeps.Template(limit: 96) with { Hidden = 4, Epochs = 3, HoldFirstEpoch = 1, HoldFactor = 2 };
        await Runs.StartAsync(fixture.Grains, runId, spec, TimeSpan.FromSeconds(60));

        foreach (int rung in new[] { 1, 2 })
        {
            var held = await Runs.WaitAsync(fixture.Grains, runId, s => s.State != RunState.Running, TimeSpan.FromSeconds(60));
            Assert.Equal((RunState.Paused, null, rung), (held.State, held.Error, held.Epochs.Count));
            // Nothing trains while held: the step stays at the rung's end.
            Assert.Equal(held.Step, (await run.StatusAsync().WaitAsync(TimeSpan.FromSeconds(10))).Step);
            await run.ResumeAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        var done = await Runs.CompletedAsync(fixture.Grains, runId, TimeSpan.FromSeconds(60));

        Assert.Equal(3, done.Epochs.Count);
        Assert.Equal(done.TotalSteps, done.Step);
    }
}
