using System.Diagnostics;
using Idl.Grains.Contracts;
using Idl.Grains.Tests.TestSupport;

namespace Idl.Grains.Tests.Sweeps;

[Collection(SharedClusterCollection.Name)]
public sealed class SweepTests(SharedCluster fixture)
{
    [Fact]
    public async Task StartAsync_ThreeByThreeGridWithAsha_CompletesWithAFullTableAndSomeTrialsStopped()
    {
        var spec = new SweepSpec
        {
            Template = TestSupport.Sweeps.Template(), Kappa = ParameterDomain.Of(0.5, 0.9, 0.99), Hidden = ParameterDomain.Of(4, 8, 16),
            LearningRate = ParameterDomain.Of(5e-3), Seeds = [1], Epochs = 3, Concurrency = 3, Scheduler = SchedulerKind.Asha,
        };
        string sweepId = Runs.NewId("grid");
        await fixture.Grains.GetGrain<ISweepGrain>(sweepId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(30));
        var status = await TestSupport.Sweeps.FinishedAsync(fixture.Grains, sweepId, TimeSpan.FromSeconds(120));

        Assert.Equal(SweepRunState.Completed, status.State);
        Assert.Equal("test_loss", status.Metric);
        Assert.Equal(9, status.Trials.Count);
        Assert.Equal(9, status.Trials.Select(t => (t.Config.Kappa, t.Config.Hidden)).Distinct().Count());
        Assert.All(status.Trials, t => Assert.Contains(t.State, new[] { TrialState.Completed, TrialState.Stopped }));
        Assert.Contains(status.Trials, t => t.State == TrialState.Completed && t.Epochs == 3);
        var stopped = status.Trials.Where(t => t.State == TrialState.Stopped).ToList();
        Assert.NotEmpty(stopped);
        Assert.All(stopped, t => Assert.Equal(1, t.Epochs));
        Assert.All(stopped, t => Assert.Contains("ASHA", t.Reason));
        Assert.All(status.Trials, t => Assert.True(t.Metric is > 0 and < 10, $"{t.TrialId}: metric {t.Metric}"));
        foreach (var t in stopped)
        {
            var run = await fixture.Grains.GetGrain<ITrainingCoordinatorGrain>(t.TrialId).StatusAsync().WaitAsync(TimeSpan.FromSeconds(10));
            // However tiny the run, it held at its rung until the sweep's stop reached it: it never trains past it.
            Assert.Equal((RunState.Cancelled, t.Epochs), (run.State, run.Epochs.Count));
            Assert.Equal(t.Epochs, t.RunEpochs);
        }
    }

    [Fact]
    public async Task StartAsync_SameIdOtherSpec_IsRejected()
    {
        var spec = new SweepSpec { Template = TestSupport.Sweeps.Template(limit: 48), Hidden = ParameterDomain.Of(2), Epochs = 1, Concurrency = 1 };
        string sweepId = Runs.NewId("again");
        var sweep = fixture.Grains.GetGrain<ISweepGrain>(sweepId);
        await sweep.StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(30));
        var again = await sweep.StartAsync(spec with { Hidden = ParameterDomain.Of(2) }).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(sweepId, again.SweepId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sweep.StartAsync(spec with { Epochs = 2 }).WaitAsync(TimeSpan.FromSeconds(30)));
        await TestSupport.Sweeps.FinishedAsync(fixture.Grains, sweepId, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task StartAsync_UnderATestSpan_TracesSweepThenTrialThenTheRunsEpochs()
    {
        var spec = new SweepSpec { Template = TestSupport.Sweeps.Template(limit: 48), Hidden = ParameterDomain.Of(2), Epochs = 1, Concurrency = 1 };
        string sweepId = Runs.NewId("traced");
        ActivityTraceId traceId;
        using (var root = ClusterFixture.TestSource.StartActivity("test.root"))
        {
            Assert.NotNull(root);
            traceId = root.TraceId;
            await fixture.Grains.GetGrain<ISweepGrain>(sweepId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(30));
        }
        await TestSupport.Sweeps.FinishedAsync(fixture.Grains, sweepId, TimeSpan.FromSeconds(60));

        Dictionary<ActivitySpanId, Activity> spans;
        lock (ClusterFixture.Spans) spans = ClusterFixture.Spans.Where(a => a.TraceId == traceId).ToDictionary(a => a.SpanId);
        var sweep = spans.Values.Single(s => s.DisplayName == "sweep");
        var trial = spans.Values.Single(s => s.DisplayName == "trial");
        var epoch = spans.Values.First(s => s.DisplayName == "epoch");
        Assert.Equal(sweepId, sweep.GetTagItem("idl.sweep_id"));
        Assert.Equal(sweep.SpanId, trial.ParentSpanId);
        Assert.Contains(trial.SpanId, Ancestors(epoch, spans));
    }

    private static IEnumerable<ActivitySpanId> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> spans)
    {
        for (var s = span; spans.TryGetValue(s.ParentSpanId, out var parent); s = parent) yield return parent.SpanId;
    }
}
