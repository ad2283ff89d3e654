using Idl.Numerics.Data;

namespace Idl.Numerics.Tests.Data;

public sealed class InputScalingTests
{
    private static Dataset Table() => Dataset.ForRegression("t", [1f, 100f, 5f, 3f, 120f, 5f, 5f, 80f, 5f, 7f, 110f, 5f], 3, [0f, 1f, 2f, 3f], 1);

    [Fact]
    public void Fit_Features_EqualsTwoPassStatistics()
    {
        var data = Table();
        var sums = InputScaling.Fit("features", "csv:t.csv", data)!;
        var twoPass = Standardization.FitFeatures(data);
        for (int j = 0; j < 2; j++)
        {
            Assert.InRange(sums.Mean[j] - twoPass.Mean[j], -1e-9, 1e-9);
            Assert.InRange(sums.Std[j] - twoPass.Std[j], -1e-9, 1e-9);
        }
        Assert.Equal(1.0, sums.Std[2]); // a constant column keeps std 1
    }

    [Fact]
    public void Fit_AutoForImages_IsOneGlobalMeanAndStd()
    {
        var s = InputScaling.Fit("auto", "digits", Table())!;
        Assert.All(s.Mean, m => Assert.Equal(s.Mean[0], m));
        Assert.All(s.Std, v => Assert.Equal(s.Std[0], v));
        Assert.Equal("features", InputScaling.Resolve("auto", "csv:x.csv"));
        Assert.Null(InputScaling.Fit("none", "digits", Table()));
    }

    [Fact]
    public void FromSums_ShardedSums_EqualWholeSet()
    {
        var data = Table();
        var (s1, q1) = InputScaling.Sums(data.Slice(0, 1));
        var (s2, q2) = InputScaling.Sums(data.Slice(1, 3));
        var sum = s1.Zip(s2, (a, b) => a + b).ToArray();
        var squares = q1.Zip(q2, (a, b) => a + b).ToArray();
        var sharded = InputScaling.FromSums("features", "csv:t.csv", sum, squares, 4)!;
        var whole = InputScaling.Fit("features", "csv:t.csv", data)!;
        Assert.Equal(whole.Mean, sharded.Mean);
        Assert.Equal(whole.Std, sharded.Std);
    }

    [Fact]
    public void FromSums_UnknownMode_ThrowsListingModes()
    {
        var ex = Assert.Throws<ArgumentException>(() => InputScaling.Fit("zscore", "digits", Table()));
        Assert.Contains("global", ex.Message);
    }
}
