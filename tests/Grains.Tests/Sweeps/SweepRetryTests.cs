using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests.Sweeps;

/// <summary>A trial whose run stops making progress (paused behind the sweep's back) is retried from its checkpoint,
/// or failed with the reason once its retries are spent.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class SweepRetryTests(SharedCluster fixture)
{
    [Fact]
    public async Task Tick_StalledTrialWithARetryLeft_IsResumedAndCompletes()
    {
        var (status, run) = await StallOneTrialAsync(maxRetries: 1);
        var trial = Assert.Single(status.Trials);
        Assert.Equal(TrialState.Completed, trial.State);
        Assert.Equal(1, trial.Retries);
        Assert.Equal(RunState.Completed, run.State);
    }

    [Fact]
    public async Task Tick_StalledTrialWithoutRetries_FailsWithTheReasonAndItsRunIsCancelled()
    {
        var (status, run) = await StallOneTrialAsync(maxRetries: 0);
        var trial = Assert.Single(status.Trials);
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Contains("no progress", trial.Reason);
        Assert.Equal(RunState.Cancelled, run.State);
    }

    private async Task<(SweepStatus Sweep, RunStatus Run)> StallOneTrialAsync(int maxRetries)
    {
        var spec = new SweepSpec
        {
            Template = TestSupport.Sweeps.Template(limit: 384) with { BatchSize = 16 }, Hidden = ParameterDomain.Of(4), Epochs = 2, Concurrency = 1,
            Scheduler = SchedulerKind.None, MaxRetries = maxRetries, ProgressDeadline = TimeSpan.FromSeconds(1),
        };
        string sweepId = Runs.NewId("stall");
        var sweep = fixture.Grains.GetGrain<ISweepGrain>(sweepId);
        string runId = (await sweep.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(30))).Trials[0].TrialId;
        await Runs.WaitAsync(fixture.Grains, runId, s => s.Step >= 2, TimeSpan.FromSeconds(30));
        var paused = await fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId).PauseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(RunState.Paused, paused.State);

        var status = await TestSupport.Sweeps.FinishedAsync(fixture.Grains, sweepId, TimeSpan.FromSeconds(60));
        var run = await fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(runId).StatusAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return (status, run);
    }
}
