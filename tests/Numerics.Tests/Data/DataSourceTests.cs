using Idl.Numerics.Data;

namespace Idl.Numerics.Tests.Data;

public sealed class DataSourceTests
{
    [Theory]
    [InlineData("images:foo")]
    [InlineData("synthetic:spiral")]
    [InlineData("digits:extra")]
    public void Load_UnknownScheme_ListsAcceptedForms(string spec)
    {
        var e = Assert.Throws<ArgumentException>(() => DataSource.Load(spec));
        Assert.Contains("mnist:<folder>", e.Message);
        Assert.Contains("synthetic:feedforward", e.Message);
    }

    [Theory]
    [InlineData("csv:")]
    [InlineData("mnist:")]
    public void Load_MissingPath_Throws(string spec)
    {
        Assert.Throws<ArgumentException>(() => DataSource.Load(spec));
    }

    [Fact]
    public void Load_CsvWithOptionsAndRange_ReadsThatSlice()
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("h.csv", "x,y\n1,0.5\n2,1.5\n3,2.5\n");
        var options = new DataSourceOptions { Csv = new CsvOptions { Task = DataTask.Regression, Target = "y" }, Start = 1, Count = 2 };
        var loaded = DataSource.Load("csv:" + file, options);

        Assert.Null(loaded.Test);
        Assert.Equal([1.5f, 2.5f], loaded.Train.Targets.ToArray());
    }

    [Fact]
    public void Load_LibSvmAndMnist_DispatchToReaders()
    {
        using var dir = new TempFolder();
        dir.WriteBytes("train-images-idx3-ubyte", Idx.Images(6, 2, 2, 1));
        dir.WriteBytes("train-labels-idx1-ubyte", Idx.Labels(6, 2));
        dir.WriteBytes("t10k-images-idx3-ubyte.gz", Idx.Images(3, 2, 2, 3), gzip: true);
        dir.WriteBytes("t10k-labels-idx1-ubyte.gz", Idx.Labels(3, 4), gzip: true);
        string svm = dir.WriteText("a.svm", "1 2:1\n0 1:1\n");

        var mnist = DataSource.Load("mnist:" + dir.Path);
        Assert.Equal((6, 3), (mnist.Train.SampleCount, mnist.Test!.SampleCount));
        Assert.Equal(2, DataSource.Load("libsvm:" + svm).Train.FeatureCount);
    }

    [Fact]
    public void Load_SyntheticRange_EqualsSliceOfFullSet()
    {
        var full = DataSource.Load("synthetic:implicit").Train;
        var shard = DataSource.Load("synthetic:implicit", new DataSourceOptions { Start = 100, Count = 50, LoadTest = false });
        DataAssert.SameSamples(full.Slice(100, 50), shard.Train);
        Assert.Null(shard.Test);
    }
}
