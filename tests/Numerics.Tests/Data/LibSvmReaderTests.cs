using Idl.Numerics.Data;

namespace Idl.Numerics.Tests.Data;

public sealed class LibSvmReaderTests
{
    private const string Text = "1 1:0.5 3:2\n# a comment line\n0 2:-1\n2 1:1 2:2 3:3 # trailing comment\n1\n";

    [Fact]
    public void Read_SparseLines_DenseWithInferredSizes()
    {
        using var dir = new TempFolder();
        var data = LibSvmReader.Read(dir.WriteText("s.svm", Text));

        Assert.Equal(4, data.SampleCount);
        Assert.Equal(3, data.FeatureCount);
        Assert.Equal(3, data.ClassCount);
        Assert.Equal([0.5f, 0f, 2f, 0f, -1f, 0f, 1f, 2f, 3f, 0f, 0f, 0f], data.Inputs.ToArray());
        Assert.Equal([1, 0, 2, 1], data.Labels.ToArray());
    }

    [Fact]
    public void Read_GivenFeatureCountAndRegression_PadsAndKeepsTargets()
    {
        using var dir = new TempFolder();
        var data = LibSvmReader.Read(dir.WriteText("r.svm", "2.5 1:1\n-0.5 2:4\n"),
            new LibSvmOptions { FeatureCount = 5, Task = DataTask.Regression });
        Assert.Equal(5, data.FeatureCount);
        Assert.Equal([2.5f, -0.5f], data.Targets.ToArray());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 1)]
    public void Read_Range_EqualsFullLoadSliced(int start, int count)
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("s.svm", Text);
        var range = LibSvmReader.Read(file, null, start, count);
        DataAssert.SameSamples(LibSvmReader.Read(file).Slice(start, count), range);
    }

    [Theory]
    [InlineData("1 1:1\n0 0:2\n", "line 2", "below 1")]
    [InlineData("1 1:1\n0 9:2\n", "line 2", "exceeds the feature count 4")]
    [InlineData("1 1:1\n0 2:2 2:3\n", "line 2", "more than once")]
    [InlineData("1 1:1\n0 2=2\n", "line 2", "not an index:value pair")]
    [InlineData("1 1:1\n0 x:2\n", "line 2", "not an index:value pair")]
    [InlineData("1 1:1\n0 2:abc\n", "line 2", "not a number")]
    [InlineData("1 1:1\n\n0 2:nan\n", "line 3", "not finite")]
    [InlineData("1 1:1\n-1 2:1\n", "line 2", "negative")]
    [InlineData("1 1:1\n0.5 2:1\n", "line 2", "not an integer")]
    [InlineData("1 1:1\n3 2:1\n", "line 2", "class count 3")]
    [InlineData("# only a comment\n", "bad.svm", "no samples")]
    public void Read_BadFile_ThrowsNamingFileAndLine(string text, string location, string problem)
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("bad.svm", text);
        DataAssert.Throws(() => LibSvmReader.Read(file, new LibSvmOptions { FeatureCount = 4, ClassCount = 3 }), file, location, problem);
    }

    [Fact]
    public void Read_RangeBeyondEnd_Throws()
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("s.svm", Text);
        DataAssert.Throws(() => LibSvmReader.Read(file, null, 3, 2), file, "holds 4", "beyond the end");
    }
}
