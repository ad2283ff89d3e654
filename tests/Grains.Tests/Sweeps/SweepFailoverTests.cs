using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests.Sweeps;

/// <summary>Kills a silo mid-sweep: the sweep and its trials' coordinators reactivate elsewhere from their
/// persisted state (the atomic file store outlives the silo), and no trial is left running.</summary>
[Collection(SweepFailoverClusterCollection.Name)]
public sealed class SweepFailoverTests(SweepFailoverCluster fixture)
{
    [Fact]
    public async Task KillSilo_HostingTheSweep_LeavesNoZombieTrial()
    {
        var spec = new SweepSpec
        {
            Template = TestSupport.Sweeps.Template(limit: 384) with { BatchSize = 32 }, Kappa = ParameterDomain.Of(0.5, 0.9),
            Hidden = ParameterDomain.Of(8, 16, 24), LearningRate = ParameterDomain.Of(5e-3), Seeds = [0], Epochs = 3, Concurrency = 3,
            ProgressDeadline = TimeSpan.FromSeconds(20), CallTimeout = TimeSpan.FromSeconds(5), MaxRetries = 3,
        };
        string sweepId = Runs.NewId("killsweep");
        var sweep = fixture.Grains.GetGrain<ISweepGrain>(sweepId);
        await sweep.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(30));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!(await sweep.StatusAsync().WaitAsync(TimeSpan.FromSeconds(10))).Trials.Any(t => t.State == TrialState.Running))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "no trial started");
            await Task.Delay(20);
        }
        await Task.Delay(300);
        string host = await sweep.HostAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await fixture.Cluster.KillSiloAsync(fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == host)).WaitAsync(TimeSpan.FromSeconds(30));
        var status = await TestSupport.Sweeps.FinishedAsync(fixture.Grains, sweepId, TimeSpan.FromSeconds(120));

        Assert.Equal(SweepRunState.Completed, status.State);
        Assert.True(status.Restarts >= 1, "the sweep should have been reactivated on another silo");
        Assert.Equal(6, status.Trials.Count);
        Assert.All(status.Trials, t => Assert.Contains(t.State, new[] { TrialState.Completed, TrialState.Stopped, TrialState.Failed, TrialState.CompletedBeforeStop }));
        Assert.All(status.Trials.Where(t => t.State == TrialState.Failed), t => Assert.False(string.IsNullOrWhiteSpace(t.Reason)));
        foreach (var t in status.Trials)
        {
            var run = await fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(t.TrialId).StatusAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(run.IsFinished, $"{t.TrialId} is {t.State} in the sweep but its run is {run.State}");
        }
        Assert.NotEqual(host, await sweep.HostAsync().WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
