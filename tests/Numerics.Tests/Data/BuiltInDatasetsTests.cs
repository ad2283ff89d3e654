using Idl.Numerics.Data;

namespace Idl.Numerics.Tests.Data;

public sealed class BuiltInDatasetsTests
{
    [Theory]
    [InlineData(DataPart.Train, 3823)]
    [InlineData(DataPart.Test, 1797)]
    public void Digits_Embedded_RightShapeLabelsAndScale(DataPart part, int expected)
    {
        var data = BuiltInDatasets.Digits(part);

        Assert.Equal(expected, data.SampleCount);
        Assert.Equal(64, data.FeatureCount);
        Assert.Equal(10, data.ClassCount);
        Assert.All(data.ClassCounts(), c => Assert.True(c > 100, $"class count {c} is implausibly small"));
        Assert.Equal(0f, data.Inputs.ToArray().Min());
        Assert.Equal(1f, data.Inputs.ToArray().Max());
    }

    [Fact]
    public void Digits_Range_EqualsFullLoadSliced()
    {
        DataAssert.SameSamples(BuiltInDatasets.Digits(DataPart.Train).Slice(1000, 25), BuiltInDatasets.Digits(DataPart.Train, 1000, 25));
    }

    [Fact]
    public void Digits_FirstTrainingRow_MatchesFile()
    {
        // The first line of optdigits.tra ends "...,6,14,7,1,0,0,0" with label 0.
        var data = BuiltInDatasets.Digits(DataPart.Train, 0, 1);
        Assert.Equal(0, data.Labels[0]);
        Assert.Equal(6f / 16, data.Features(0)[2]);
        Assert.Equal(14f / 16, data.Features(0)[59]);
    }

    [Fact]
    public void Catalogue_EveryEntry_LoadsThroughDataSource()
    {
        foreach (var info in BuiltInDatasets.Catalogue)
        {
            var loaded = DataSource.Load(info.Name);
            Assert.Equal(info.Features, loaded.Train.FeatureCount);
            Assert.Equal(info.Outputs, loaded.Train.OutputCount);
            Assert.Equal(info.Task, loaded.Train.Task);
            Assert.NotNull(loaded.Test);
            Assert.False(string.IsNullOrWhiteSpace(info.Licence));
        }
    }
}
