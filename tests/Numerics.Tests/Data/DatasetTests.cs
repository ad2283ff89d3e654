using Idl.Numerics.Data;

namespace Idl.Numerics.Tests.Data;

public sealed class DatasetTests
{
    private static Dataset Classes() =>
        Dataset.ForClassification("c", [1, 2, 3, 4, 5, 6], 2, [2, 0, 1], 3);

    [Fact]
    public void Batch_Classification_FeaturesByRowsSamplesByColumnsOneHot()
    {
        var batch = Classes().Batch<double>([2, 0]);

        Assert.Equal((2, 2), (batch.U.Rows, batch.U.Cols));
        Assert.Equal(5.0, batch.U[0, 0]);
        Assert.Equal(6.0, batch.U[1, 0]);
        Assert.Equal(1.0, batch.U[0, 1]);
        Assert.Equal((3, 2), (batch.Y.Rows, batch.Y.Cols));
        Assert.Equal([0.0, 1.0, 0.0], new[] { batch.Y[0, 0], batch.Y[1, 0], batch.Y[2, 0] });
        Assert.Equal([0.0, 0.0, 1.0], new[] { batch.Y[0, 1], batch.Y[1, 1], batch.Y[2, 1] });
        Assert.Equal([1, 2], batch.Labels!);
    }

    [Fact]
    public void Batch_Regression_TargetsByRows()
    {
        var data = Dataset.ForRegression("r", [1, 2, 3], 1, [10, 11, 20, 21, 30, 31], 2);
        var batch = data.Batch<float>([1, 2]);
        Assert.Equal([20f, 30f, 21f, 31f], batch.Y.Data);
        Assert.Null(batch.Labels);
    }

    [Fact]
    public void Subset_Indices_CopiesInOrder()
    {
        var sub = Classes().Subset([1, 1, 0]);
        Assert.Equal([3f, 4f, 3f, 4f, 1f, 2f], sub.Inputs.ToArray());
        Assert.Equal([0, 0, 2], sub.Labels.ToArray());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void Batch_IndexOutOfRange_Throws(int index)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Classes().Batch<float>([0, index]));
    }

    [Fact]
    public void ForClassification_LabelAboveClassCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => Dataset.ForClassification("c", [1, 2], 1, [0, 3], 3));
    }

    [Fact]
    public void ForRegression_NonFiniteInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => Dataset.ForRegression("r", [1, float.NaN], 1, [0, 0], 1));
    }
}
