using Idl.Grains.Contracts;
using Idl.Grains.Sweeps;

namespace Idl.Grains.Tests.Sweeps;

public sealed class SweepTableTests
{
    [Fact]
    public void Rank_Mixed_BestMetricFirstThenTrialsWithoutMetric()
    {
        var trials = new[]
        {
            Trial(0, TrialState.Completed, 0.30), Trial(1, TrialState.Failed, null), Trial(2, TrialState.Stopped, 0.20), Trial(3, TrialState.Completed, 0.20),
        };
        Assert.Equal(new[] { 2, 3, 0, 1 }, SweepTable.Rank(trials).Select(t => t.Config.Index));
    }

    [Fact]
    public void ToCsv_ReasonWithComma_IsQuotedAndHasOneRowPerTrial()
    {
        var csv = SweepTable.ToCsv([Trial(0, TrialState.Completed, 0.25), Trial(1, TrialState.Failed, null, "no progress, 2 retries")]);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(SweepTable.Header, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,s-t000,0.9,8,0.01,0,completed,3,0.25,", lines[1]);
        Assert.EndsWith(",\"no progress, 2 retries\",", lines[2]);
    }

    private static TrialResult Trial(int index, TrialState state, double? metric, string? reason = null) =>
        new($"s-t{index:D3}", new TrialConfig(index, 0.9, 8, 0.01, 0), state, 3, metric, null, 1.5, 0, reason);
}
