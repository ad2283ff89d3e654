using Idl.Grains.Contracts;
using Idl.Grains.Sweeps;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests.Sweeps;

/// <summary>A stop decided for a trial whose run has already completed (ASHA trials hold at their rungs, so here the
/// run was started and resumed past its rung outside the sweep): the state says the run completed before the stop
/// (completed_before_stop), the decision columns stay ASHA's (they must not depend on timing), and run_epochs shows
/// what the run really did.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class SweepReconcileTests(SharedCluster fixture)
{
    [Fact]
    public async Task Sweep_StopDecidedAfterTheRunCompleted_StateSaysCompletedBeforeStopAndKeepsTheDecision()
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
        // It holds at its rung as every ASHA trial does, until resumed: here by the test, as if by a sweep that then lost it.
        var lastCoordinator = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(lastRun);
        while ((await Runs.WaitAsync(fixture.Grains, lastRun, s => s.State != RunState.Running, TimeSpan.FromSeconds(90))).State == RunState.Paused)
            await lastCoordinator.ResumeAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await fixture.Grains.GetGrain<ISweepGrain>(sweepId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(30));
        var status = await TestSupport.Sweeps.FinishedAsync(fixture.Grains, sweepId, TimeSpan.FromSeconds(120));

        var trial = status.Trials.Single(t => t.TrialId == lastRun);
        Assert.Equal(TrialState.CompletedBeforeStop, trial.State);
        Assert.Equal(1, trial.Epochs);
        Assert.Equal(3, trial.RunEpochs);
        Assert.Contains("ASHA", trial.Reason);
        var row = SweepTable.ToCsv(status.Trials).Split('\n').Single(l => l.Contains(lastRun, StringComparison.Ordinal));
        Assert.Contains(",completed_before_stop,1,", row);
        Assert.EndsWith(",3", row);
        Assert.All(status.Trials.Where(t => t.State == TrialState.Completed), t => Assert.Equal(3, t.RunEpochs));
        // Every row's state agrees with its run: stopped means cancelled before the end, the others completed.
        foreach (var t in status.Trials)
        {
            var run = await fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(t.TrialId).StatusAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(t.State == TrialState.Stopped ? RunState.Cancelled : RunState.Completed, run.State);
        }
    }
}
