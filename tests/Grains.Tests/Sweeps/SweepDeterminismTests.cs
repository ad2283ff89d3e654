using Idl.Grains.Contracts;
using Idl.Grains.Sweeps;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests.Sweeps;

/// <summary>A sweep's table does not depend on the order in which trials reach a rung: ASHA decides a trial only
/// against lower-index trials, parking it at a checkpoint until they got there, and every trial trains deterministically.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class SweepDeterminismTests(SharedCluster fixture)
{
    [Fact]
    public async Task StartAsync_SameGridTwiceAtConcurrencyThreeInAnotherArrivalOrder_GivesIdenticalTables()
    {
        var spec = new SweepSpec
        {
            // float32, the default of idl sweep: its kernels sum in a fixed order too, so the bits repeat.
            Template = TestSupport.Sweeps.Template(limit: 144) with { Precision = Numerics.Precision.Float32 }, Kappa = ParameterDomain.Of(0.5, 0.7, 0.9), Hidden = ParameterDomain.Of(8, 4, 2),
            LearningRate = ParameterDomain.Of(1e-2), Seeds = [3], Epochs = 3, Concurrency = 3, Scheduler = SchedulerKind.Asha, Eta = 2,
        };
        var natural = RunAsync(spec, Runs.NewId("natural"));
        // The second sweep's trial 0 is started and paused before the sweep starts it (the start is idempotent), so
        // trials 1 and 2 certainly reach rung 1 first — where the arrival-order rule would let trial 1 through.
        // A tiny epoch can finish before the pause lands (the pause waits for the step in progress); then that try
        // proves nothing, so another sweep id is tried, a bounded number of times.
        string heldId = "";
        ITrainingCoordinatorGrain zero = null!;
        for (int attempt = 0; ; attempt++)
        {
            heldId = Runs.NewId("held");
            zero = fixture.Grains.GetGrain<ITrainingCoordinatorGrain>($"{heldId}-t000");
            await zero.StartAsync(SweepSpecValidator.TrialRun(spec, SearchSpace.Expand(spec)[0])).WaitAsync(TimeSpan.FromSeconds(30));
            if ((await zero.PauseAsync().WaitAsync(TimeSpan.FromSeconds(10))).Epochs.Count == 0) break;
            await zero.CancelAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(attempt < 10, "trial 0 finished an epoch before every one of 10 pauses landed");
        }
        var held = RunAsync(spec, heldId);
        // Trial 1 is parked at rung 1 (its run paused, or already finished if the pause came too late for so tiny a run).
        await WaitedAsync(heldId, trial: 1, TimeSpan.FromSeconds(60));
        Assert.Equal(TrialState.Running, (await fixture.Grains.GetGrain<ISweepGrain>(heldId).StatusAsync().WaitAsync(TimeSpan.FromSeconds(10))).Trials[1].State);
        await zero.ResumeAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var (first, second) = (await natural, await held);

        Assert.Equal(SweepRunState.Completed, first.State);
        Assert.Equal(SweepRunState.Completed, second.State);
        Assert.Equal(Rows(first), Rows(second));
        Assert.Equal(SweepTable.Rank(first.Trials).Select(t => t.Config.Index), SweepTable.Rank(second.Trials).Select(t => t.Config.Index));
        Assert.Contains(first.Trials, t => Decision(t.State) == TrialState.Stopped);
        Assert.Contains(first.Trials, t => t.State == TrialState.Completed);
        foreach (var sweep in new[] { first, second })
            await AssertIndexOrderAshaAsync(spec, sweep);
    }

    // The decisions are those of ASHA fed in index order (concurrency 1), replayed from each run's own epochs; and no
    // run is left paused behind a finished trial.
    private async Task AssertIndexOrderAshaAsync(SweepSpec spec, SweepStatus sweep)
    {
        var replay = new AshaScheduler(spec.Eta, spec.MinEpochs, spec.Epochs);
        foreach (var trial in sweep.Trials.OrderBy(t => t.Config.Index))
        {
            var run = await fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(trial.TrialId).StatusAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var (state, epochs) = (TrialState.Completed, spec.Epochs);
            foreach (int rung in replay.Rungs)
            {
                var decision = replay.Report(trial.Config.Index, rung, run.Epochs[rung - 1].TestLoss!.Value);
                Assert.NotEqual(AshaDecision.Wait, decision);
                if (decision == AshaDecision.Continue) continue;
                (state, epochs) = (TrialState.Stopped, rung);
                break;
            }
            Assert.Equal((state, epochs), (Decision(trial.State), trial.Epochs));
            Assert.Equal(run.Epochs[epochs - 1].TestLoss, trial.Metric);
            // Whether the stop reached the run before its end is timing; the state must say which happened.
            Assert.Equal(trial.State == TrialState.Stopped ? RunState.Cancelled : RunState.Completed, run.State);
        }
    }

    private static async Task WaitedAsync(string sweepId, int trial, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            lock (ClusterFixture.Spans)
                if (ClusterFixture.Spans.Any(a => a.DisplayName == "trial.wait" && sweepId.Equals(a.GetTagItem(SweepTags.SweepId)) && trial.Equals(a.GetTagItem(SweepTags.TrialIndex))))
                    return;
            if (clock.Elapsed > timeout) throw new TimeoutException($"Trial {trial} of sweep {sweepId} did not wait at a rung in {timeout}.");
            await Task.Delay(20);
        }
    }

    private static IEnumerable<string> Rows(SweepStatus sweep) => sweep.Trials.OrderBy(t => t.Config.Index).Select(t =>
        // Bits, not a tolerance: the same seed and shard count give the same float64 sums in the same order.
        $"{t.Config} {Decision(t.State)} {t.Epochs} {Bits(t.Metric)} {Bits(t.TestAccuracy)} {t.Retries} {t.Reason}");

    // The sweep's decision: a stop that reached a run that had already completed is still a stop.
    private static TrialState Decision(TrialState state) => state == TrialState.CompletedBeforeStop ? TrialState.Stopped : state;

    private static string Bits(double? v) => v is { } x ? BitConverter.DoubleToInt64Bits(x).ToString("X16", System.Globalization.CultureInfo.InvariantCulture) : "-";

    private async Task<SweepStatus> RunAsync(SweepSpec spec, string sweepId)
    {
        await fixture.Grains.GetGrain<ISweepGrain>(sweepId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(30));
        return await TestSupport.Sweeps.FinishedAsync(fixture.Grains, sweepId, TimeSpan.FromSeconds(120));
    }
}
