using Idl.Grains.Contracts;
using Idl.Grains.Sweeps;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests.Sweeps;

/// <summary>A stop decided for a trial whose run has already completed (it finished while the decision waited, e.g.
/// on a lower-index trial that was restarting): the decision columns stay ASHA's (the table must not depend on
/// timing), and the run_epochs column shows what the run really did.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class SweepReconcileTests(SharedCluster fixture)
{
    [Fact]
    public async Task Sweep_StopDecidedAfterTheRunCompleted_TableShowsTheRunsEpochs()
    {
        var spec = new SweepSpec
        {
            Template = TestSupport.Sweeps.Template(limit: 96), Hidden = ParameterDomain.Of(16, 12, 1), LearningRate = ParameterDomain.Of(5e-3),
            Seeds = [1], Epochs = 3, Concurrency = 3, Scheduler = SchedulerKind.Asha, Eta = 3, MinEpochs = 1,
        };
        string sweepId = Runs.NewId("late");
        // The last trial's run is finished before the sweep asks for it (its start is idempotent).
        var last = SearchSpace.Expand(spec)[2];
        string lastRun = $"{sweepId}-t{last.Index:D3}";
        await Runs.StartAsync(fixture.Grains, lastRun, SweepSpecValidator.TrialRun(spec, last), TimeSpan.FromSeconds(60));
        var done = await Runs.CompletedAsync(fixture.Grains, lastRun, TimeSpan.FromSeconds(90));

        await fixture.Grains.GetGrain<ISweepGrain>(sweepId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(30));
        var status = await TestSupport.Sweeps.FinishedAsync(fixture.Grains, sweepId, TimeSpan.FromSeconds(120));

        var trial = status.Trials.Single(t => t.TrialId == lastRun);
        Assert.Equal(TrialState.Stopped, trial.State);
        Assert.Equal(1, trial.Epochs);
        Assert.Equal(3, trial.RunEpochs);
        Assert.Contains("ASHA", trial.Reason);
        var row = SweepTable.ToCsv(status.Trials).Split('\n').Single(l => l.Contains(lastRun, StringComparison.Ordinal));
        Assert.EndsWith(",3", row);
        Assert.All(status.Trials.Where(t => t.State == TrialState.Completed), t => Assert.Equal(3, t.RunEpochs));
        var run = await fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(lastRun).StatusAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(RunState.Completed, run.State);
    }
}
