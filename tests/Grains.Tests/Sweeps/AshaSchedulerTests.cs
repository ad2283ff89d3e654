using Idl.Grains.Sweeps;

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
    public void Report_ScriptedArrivals_PromotesOnlyTheTopThirdSoFar()
    {
        var asha = new AshaScheduler(eta: 3, minEpochs: 1, maxEpochs: 9);
        // k = 1, 2: top max(1, ⌊k/3⌋) = 1 → only a new best continues.
        Assert.True(asha.Report(0, 1, 0.50));
        Assert.False(asha.Report(1, 1, 0.60));
        Assert.True(asha.Report(2, 1, 0.40));
        Assert.False(asha.Report(3, 1, 0.45));
        Assert.False(asha.Report(4, 1, 0.70));
        // k = 6: top 2 → 0.42 ranks 2nd (only 0.40 is better) and continues.
        Assert.True(asha.Report(5, 1, 0.42));
        Assert.False(asha.Report(6, 1, 0.43));
        Assert.Equal(7, asha.CountAt(1));
    }

    [Fact]
    public void Report_NonRungEpochs_AlwaysContinue()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.True(asha.Report(0, 1, 0.1));
        Assert.True(asha.Report(1, 2, 99));
        Assert.True(asha.Report(1, 9, 99));
        Assert.Equal(0, asha.CountAt(2));
    }

    [Fact]
    public void Report_HigherRung_RanksAgainstThatRungOnly()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.True(asha.Report(0, 1, 0.5));
        Assert.True(asha.Report(0, 3, 0.9));
        Assert.True(asha.Report(1, 1, 0.1));
        Assert.False(asha.Report(1, 3, 0.95));
        Assert.True(asha.Report(2, 3, 0.2));
    }

    [Fact]
    public void Report_SameTrialAndRungTwice_ReturnsTheFirstDecision()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.True(asha.Report(0, 1, 0.5));
        Assert.False(asha.Report(1, 1, 0.6));
        Assert.False(asha.Report(1, 1, 0.0));
        Assert.Equal(2, asha.CountAt(1));
    }

    [Fact]
    public void Report_TieWithTheBest_Continues()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.True(asha.Report(0, 1, 0.5));
        Assert.True(asha.Report(1, 1, 0.5));
    }

    [Fact]
    public void Report_NaNMetric_Stops()
    {
        var asha = new AshaScheduler(3, 1, 9);
        Assert.False(asha.Report(0, 1, double.NaN));
    }

    [Fact]
    public void Restore_FromEntries_MakesTheSameLaterDecisions()
    {
        var original = new AshaScheduler(3, 1, 9);
        foreach (var (trial, metric) in new[] { (0, 0.5), (1, 0.6), (2, 0.4), (3, 0.45), (4, 0.7) }) original.Report(trial, 1, metric);
        var restored = AshaScheduler.Restore(3, 1, 9, original.Entries);
        Assert.Equal(original.Entries, restored.Entries);
        Assert.Equal(original.Report(5, 1, 0.42), restored.Report(5, 1, 0.42));
        Assert.Equal(original.Report(6, 1, 0.43), restored.Report(6, 1, 0.43));
    }

    [Fact]
    public void Constructor_EtaBelowTwo_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AshaScheduler(1, 1, 9));
}
