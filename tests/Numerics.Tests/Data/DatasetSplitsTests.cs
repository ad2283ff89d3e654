using Idl.Numerics.Data;

namespace Idl.Numerics.Tests.Data;

public sealed class DatasetSplitsTests
{
    private static Dataset Numbered(int m) =>
        Dataset.ForRegression("n", Enumerable.Range(0, m).Select(i => (float)i).ToArray(), 1, new float[m], 1);

    [Theory]
    [InlineData(101, 0.2, 0.1)]
    [InlineData(10, 0.0, 0.0)]
    [InlineData(7, 0.3, 0.3)]
    public void Create_Fractions_DisjointAndCoverAll(int m, double validation, double test)
    {
        var splits = DatasetSplits.Create(Numbered(m), validation, test, seed: 9);
        var all = splits.TrainIndices.Concat(splits.ValidationIndices).Concat(splits.TestIndices).ToArray();

        Assert.Equal(Enumerable.Range(0, m), all.Order());
        Assert.Equal((int)Math.Round(validation * m, MidpointRounding.AwayFromZero), splits.Validation.SampleCount);
        Assert.Equal((int)Math.Round(test * m, MidpointRounding.AwayFromZero), splits.Test.SampleCount);
        // The data set numbers its samples by their input, so the parts must carry exactly their indices.
        Assert.Equal(splits.TestIndices.Select(i => (float)i), splits.Test.Inputs.ToArray());
    }

    [Fact]
    public void Create_SameSeed_SameSplitOtherSeedDifferent()
    {
        var a = DatasetSplits.Create(Numbered(50), 0.2, 0.2, seed: 1);
        var b = DatasetSplits.Create(Numbered(50), 0.2, 0.2, seed: 1);
        var c = DatasetSplits.Create(Numbered(50), 0.2, 0.2, seed: 2);
        Assert.Equal(a.TrainIndices, b.TrainIndices);
        Assert.NotEqual(a.TrainIndices, c.TrainIndices);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(-0.1, 0.0)]
    [InlineData(0.0, 1.0)]
    public void Create_NothingLeftOrBadFraction_Throws(double validation, double test)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplits.Create(Numbered(10), validation, test, 0));
    }
}
