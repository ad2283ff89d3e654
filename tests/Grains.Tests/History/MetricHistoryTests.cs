using Idl.Grains.Contracts;
using Idl.Grains.History;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Idl.Grains.Tests.History;

public sealed class MetricHistoryTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(MetricHistory).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly DateTime T0 = new(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc);

    // Step s has loss 1/s, s forward iterations and 10 samples in 0.5 s, of which 0.3 s shard compute, 0.4 s collecting, 0.05 s update.
    private static StepPoint Step(long s) => new(s, 1, 1.0 / s, s, 2 * s, 0.9, 10, 0.5, T0.AddSeconds(s), 0.3, 0.4, 0.05);

    private static MetricHistory Filled(int capacity, long steps)
    {
        var history = new MetricHistory(capacity);
        for (long s = 1; s <= steps; s++) history.Add(Step(s));
        return history;
    }

    [Theory]
    [InlineData(8, 7)]
    [InlineData(8, 8)]
    [InlineData(8, 9)]
    [InlineData(8, 1000)]
    [InlineData(7, 1000)]
    [InlineData(512, 10_000)]
    public void Add_ManySteps_AtMostCapacityPointsCoveringEveryStepOnce(int capacity, long steps)
    {
        var points = Filled(capacity, steps).Points;

        Assert.InRange(points.Count, 1, capacity);
        Assert.Equal(steps, points.Sum(p => (long)p.Steps));
        Assert.Equal(steps, points[^1].Step);
        for (int i = 1; i < points.Count; i++) Assert.Equal(points[i - 1].Step + points[i].Steps, points[i].Step);
    }

    [Fact]
    public void Add_PastCapacity_StepWeightedMeansAndTotalsUnchanged()
    {
        const long steps = 1000;
        var points = Filled(8, steps).Points;

        double meanLoss = Enumerable.Range(1, (int)steps).Sum(s => 1.0 / s) / steps;
        Assert.Equal(meanLoss, points.Sum(p => p.Loss * p.Steps) / steps, 12);
        Assert.Equal((steps + 1) / 2.0, points.Sum(p => p.ForwardIterations * p.Steps) / steps, 9);
        Assert.Equal(10 * steps, points.Sum(p => p.Samples));
        Assert.Equal(0.3 * steps, points.Sum(p => p.ComputeSeconds), 9);
        Assert.Equal(0.4 * steps, points.Sum(p => p.CollectSeconds), 9);
        Assert.Equal(0.05 * steps, points.Sum(p => p.UpdateSeconds), 9);
        Assert.Equal(20.0, points[0].SamplesPerSecond, 12);
    }

    [Fact]
    public void Add_CapacityReached_HalvesThePointsAndDoublesTheStride()
    {
        var history = Filled(8, 8);

        Assert.Equal(4, history.Points.Count);
        Assert.Equal(2, history.Stride);
        Assert.Equal([2L, 4, 6, 8], history.Points.Select(p => p.Step));
    }

    [Fact]
    public void Truncate_AtCheckpointStep_DropsOnlyLaterPoints()
    {
        var history = Filled(512, 30);

        history.Truncate(20);
        history.Add(Step(21));

        Assert.Equal(21, history.Points.Count);
        Assert.Equal(Enumerable.Range(1, 21).Select(s => (long)s), history.Points.Select(p => p.Step));
    }

    [Fact]
    public void Mark_MoreThanMaxEvents_KeepsStartedAndTheNewest()
    {
        var history = new MetricHistory();
        history.Mark(new RunEvent(RunEventKind.Started, 0, T0));
        for (int i = 1; i <= MetricHistory.MaxEvents + 5; i++) history.Mark(new RunEvent(RunEventKind.Restarted, i, T0.AddSeconds(i)));

        Assert.Equal(MetricHistory.MaxEvents, history.Events.Count);
        Assert.Equal(RunEventKind.Started, history.Events[0].Kind);
        Assert.Equal(MetricHistory.MaxEvents + 5, history.Events[^1].Step);
    }

    [Fact]
    public void Serialize_CompactedHistoryWithPendingPoint_RoundTripsExactly()
    {
        var history = Filled(8, 13);
        history.Mark(new RunEvent(RunEventKind.Started, 0, T0));

        var copy = Serializer.Deserialize<MetricHistory>(Serializer.SerializeToArray(history))!;
        copy.Add(Step(14));
        history.Add(Step(14));

        Assert.Equal(history.Stride, copy.Stride);
        Assert.Equal(history.Capacity, copy.Capacity);
        Assert.Equal(history.Points, copy.Points);
        Assert.Equal(history.Events, copy.Events);
    }

    [Fact]
    public void AddPerronFrobenius_PastCapacityAndRepeatedEpoch_BoundedAndOnePointPerEpoch()
    {
        var history = new MetricHistory(8);
        for (int e = 1; e <= 20; e++) history.Add(new PerronFrobeniusPoint(e, 0.5, 0.6));
        history.Add(new PerronFrobeniusPoint(20, 0.7, 0.8));

        Assert.InRange(history.PerronFrobenius.Count, 1, 8);
        Assert.Equal(20, history.PerronFrobenius[^1].Epoch);
        Assert.Equal(0.8, history.PerronFrobenius[^1].Upper);
        Assert.Equal(history.PerronFrobenius.Select(p => p.Epoch).Order(), history.PerronFrobenius.Select(p => p.Epoch));
        Assert.Equal(history.PerronFrobenius.Count, history.PerronFrobenius.Select(p => p.Epoch).Distinct().Count());
    }

    [Fact]
    public void AddCheckpoint_ManyAndTruncated_BoundedNewestKeptAndLaterOnesDropped()
    {
        var history = new MetricHistory(8);
        for (long s = 20; s <= 2000; s += 20) history.AddCheckpoint(s);
        Assert.True(history.Checkpoints.Count < 8);
        Assert.Equal(2000, history.Checkpoints[^1]);
        Assert.Equal(history.Checkpoints.OrderBy(s => s), history.Checkpoints);
        history.AddCheckpoint(2020);
        history.RemoveCheckpoint(2020);
        Assert.Equal(2000, history.Checkpoints[^1]);
        history.Truncate(1500);
        Assert.All(history.Checkpoints, s => Assert.True(s <= 1500));
    }

    [Fact]
    public void Constructor_CapacityBelowTwo_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MetricHistory(1));
}
