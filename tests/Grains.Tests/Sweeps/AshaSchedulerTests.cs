using Idl.Grains.Sweeps;
using static Idl.Grains.Sweeps.AshaDecision;

namespace Idl.Grains.Tests.Sweeps;

public sealed class AshaSchedulerTests
{
    [Theory]
    [InlineData(3, 1, 5, new[] { 1, 3 })]
    [InlineData(3, 1, 3, new[] { 1 })]
    [InlineData(3, 1, 10, new[] { 1, 3, 9 })]
    [InlineData(2, 1, 9, new[] { 1, 2, 4, 8 })]
    [InlineData(2, 2, 9, new[] { 2, 4, 8 })]
    [InlineData(3, 1, 1, new int[0])]
    [InlineData(3, 4, 4, new int[0])]
    public void Rungs_EtaMinMax_AreGeometricBelowTheMaximum(int eta, int min, int max, int[] expected) =>
        Assert.Equal(expected, new AshaScheduler(eta, min, max).Rungs);

    [Fact]
    public void Report_InIndexOrder_PromotesOnlyTheTopThirdOfTheLowerIndices()
    {
        var asha = new AshaScheduler(eta: 3, minEpochs: 1, maxEpochs: 9);
        // k = 1, 2: top max(1, ⌊k/3⌋) = 1 → only a new best continues.
        Assert.Equal(Continue, asha.Report(0, 1, 0.50));
        Assert.Equal(Stop, asha.Report(1, 1, 0.60));
        Assert.Equal(Continue, asha.Report(2, 1, 0.40));
        Assert.Equal(Stop, asha.Report(3, 1, 0.45));
        Assert.Equal(Stop, asha.Report(4, 1, 0.70));
        // k = 6: top 2 → 0.42 ranks 2nd (only 0.40 is better) and continues.
        Assert.Equal(Continue, asha.Report(5, 1, 0.42));
        Assert.Equal(Stop, asha.Report(6, 1, 0.43));
        Assert.Equal(7, asha.CountAt(1));
        Assert.Equal(new RungEntry(1, 6, 0.43, false, Rank: 3, Peers: 7), asha.DecisionAt(6, 1));
    }

    [Fact]
    public void Report_BeforeALowerIndexReachedTheRung_WaitsThenDecidesAgainstIt()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.Equal(Wait, asha.Report(1, 1, 0.1));
        Assert.Null(asha.DecisionAt(1, 1));
        Assert.Equal(Continue, asha.Report(0, 1, 0.5));
        Assert.Equal(Continue, asha.Report(1, 1, 0.1));
        Assert.Equal(new RungEntry(1, 1, 0.1, true, Rank: 1, Peers: 2), asha.DecisionAt(1, 1));
    }

    [Fact]
    public void Report_LowerIndexEndedOrStoppedBelow_NoLongerWaitedFor()
    {
        var asha = new AshaScheduler(3, 1, 9);
        asha.End(0);
        Assert.Equal(Continue, asha.Report(1, 1, 0.5));
        Assert.Equal(Stop, asha.Report(2, 1, 0.6));
        // Trial 3 at rung 3: trial 2 stopped at rung 1 and will never get there; trial 1 may.
        Assert.Equal(Continue, asha.Report(3, 1, 0.1));
        Assert.Equal(Wait, asha.Report(3, 3, 0.2));
        Assert.Equal(Continue, asha.Report(1, 3, 0.3));
        Assert.Equal(Continue, asha.Report(3, 3, 0.2));
        Assert.Equal(new RungEntry(3, 3, 0.2, true, Rank: 1, Peers: 2), asha.DecisionAt(3, 3));
    }

    [Fact]
    public void Report_NonRungEpochs_AlwaysContinue()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.Equal(Continue, asha.Report(0, 1, 0.1));
        Assert.Equal(Continue, asha.Report(1, 2, 99));
        Assert.Equal(Continue, asha.Report(1, 9, 99));
        Assert.Equal(0, asha.CountAt(2));
    }

    [Fact]
    public void Report_HigherRung_RanksAgainstThatRungOnly()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.Equal(Continue, asha.Report(0, 1, 0.5));
        Assert.Equal(Continue, asha.Report(0, 3, 0.9));
        Assert.Equal(Continue, asha.Report(1, 1, 0.1));
        Assert.Equal(Stop, asha.Report(1, 3, 0.95));
        Assert.Equal(Continue, asha.Report(2, 1, 0.05));
        Assert.Equal(Continue, asha.Report(2, 3, 0.2));
    }

    [Fact]
    public void Report_RungAboveAnUndecidedOrStoppedRung_Throws()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.Throws<InvalidOperationException>(() => asha.Report(0, 3, 0.5));
        Assert.Equal(Continue, asha.Report(0, 1, 0.5));
        Assert.Equal(Stop, asha.Report(1, 1, 0.6));
        Assert.Throws<InvalidOperationException>(() => asha.Report(1, 3, 0.5));
        asha.End(2);
        Assert.Throws<InvalidOperationException>(() => asha.Report(2, 1, 0.5));
    }

    [Fact]
    public void Report_SameTrialAndRungTwice_ReturnsTheFirstDecision()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.Equal(Continue, asha.Report(0, 1, 0.5));
        Assert.Equal(Stop, asha.Report(1, 1, 0.6));
        Assert.Equal(Stop, asha.Report(1, 1, 0.0));
        Assert.Equal(2, asha.CountAt(1));
    }

    [Fact]
    public void Report_TieWithTheBest_Continues()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.Equal(Continue, asha.Report(0, 1, 0.5));
        Assert.Equal(Continue, asha.Report(1, 1, 0.5));
    }

    [Fact]
    public void Report_NaNMetric_StopsAndNeverOutranksOthers()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.Equal(Stop, asha.Report(0, 1, double.NaN));
        Assert.Equal(Continue, asha.Report(1, 1, 0.5));
    }

    [Fact]
    public void Restore_FromEntriesWithPendingReports_MakesTheSameLaterDecisions()
    {
        var original = new AshaScheduler(3, 1, 9);
        foreach (var (trial, metric) in new[] { (0, 0.5), (1, 0.6), (2, 0.4), (4, 0.45), (5, 0.7) }) original.Report(trial, 1, metric);
        Assert.Equal([4, 5], original.Entries.Where(e => e.Pending).Select(e => e.Trial));
        var restored = AshaScheduler.Restore(3, 1, 9, original.Entries);
        var restoredEnded = AshaScheduler.Restore(3, 1, 9, original.Entries, ended: [3]);
        Assert.Equal(original.Entries, restored.Entries);
        original.End(3);
        restored.End(3);
        foreach (var (trial, metric) in new[] { (5, 0.7), (4, 0.45), (6, 0.42) })
        {
            var decision = original.Report(trial, 1, metric);
            Assert.NotEqual(Wait, decision);
            Assert.Equal(decision, restored.Report(trial, 1, metric));
            Assert.Equal(decision, restoredEnded.Report(trial, 1, metric));
        }
        Assert.Equal(original.Entries, restored.Entries);
    }

    [Fact]
    public void Constructor_EtaBelowTwo_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AshaScheduler(1, 1, 9));
}
