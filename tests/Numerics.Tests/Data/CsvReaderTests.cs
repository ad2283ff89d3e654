using Idl.Numerics.Data;

namespace Idl.Numerics.Tests.Data;

public sealed class CsvReaderTests
{
    private const string Classified = "a,b,label\n1,2,0\n3,4,2\n\n5,6,1\n7,8,2\n";

    [Fact]
    public void Read_HeaderAndLastColumn_ClassificationWithInferredClasses()
    {
        using var dir = new TempFolder();
        var data = CsvReader.Read(dir.WriteText("small.csv", Classified));

        Assert.Equal(4, data.SampleCount);
        Assert.Equal(2, data.FeatureCount);
        Assert.Equal(3, data.ClassCount);
        Assert.Equal(["a", "b"], data.FeatureNames!);
        Assert.Equal([0, 2, 1, 2], data.Labels.ToArray());
        Assert.Equal([5f, 6f], data.Features(2).ToArray());
    }

    [Theory]
    [InlineData("y;x1;x2\n1.5;1;2\n-2.5;3;4\n", null)]
    [InlineData("y\tx1\tx2\n1.5\t1\t2\n-2.5\t3\t4\n", null)]
    [InlineData("1.5  1 2\n-2.5 3   4\n", null)]
    [InlineData("y|x1|x2\n1.5|1|2\n-2.5|3|4\n", '|')]
    public void Read_DelimiterDetectedOrGiven_RegressionOnFirstColumn(string text, char? delimiter)
    {
        using var dir = new TempFolder();
        var options = new CsvOptions { Task = DataTask.Regression, Target = "0", Delimiter = delimiter };
        var data = CsvReader.Read(dir.WriteText("r.txt", text), options);

        Assert.Equal(DataTask.Regression, data.Task);
        Assert.Equal([1.5f, -2.5f], data.Targets.ToArray());
        Assert.Equal([1f, 2f, 3f, 4f], data.Inputs.ToArray());
    }

    [Fact]
    public void Read_TargetByName_CaseInsensitiveFallback()
    {
        using var dir = new TempFolder();
        var data = CsvReader.Read(dir.WriteText("n.csv", "x,Price,z\n1,10,2\n3,20,4\n"),
            new CsvOptions { Task = DataTask.Regression, Target = "price" });
        Assert.Equal([10f, 20f], data.Targets.ToArray());
        Assert.Equal(["x", "z"], data.FeatureNames!);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 1)]
    [InlineData(0, 4)]
    public void Read_Range_EqualsFullLoadSliced(int start, int count)
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("small.csv", Classified);
        var range = CsvReader.Read(file, null, start, count);
        DataAssert.SameSamples(CsvReader.Read(file).Slice(start, count), range);
        Assert.Equal(3, range.ClassCount);
    }

    [Theory]
    [InlineData("1,2,0\n3,4\n", "line 2", "2 cells")]
    [InlineData("1,2,0\n3,x,1\n", "line 2", "'x' is not a number")]
    [InlineData("1,2,0\n\n3,NaN,1\n", "line 3", "not finite")]
    [InlineData("1,2,0\n3,Infinity,1\n", "line 2", "not finite")]
    [InlineData("1,2,0\n3,1e300,1\n", "line 2", "not finite")]
    [InlineData("1,2,0\n3,4,-1\n", "line 2", "negative")]
    [InlineData("1,2,0\n3,4,1.5\n", "line 2", "not an integer")]
    [InlineData("1,2,0\n3,4,7\n", "line 2", "class count 5")]
    [InlineData("1,2,0\n3,4,abc\n", "line 2", "label 'abc' is text")]
    [InlineData("a,b,c\n", "bad.csv", "no data rows")]
    [InlineData("\n\n", "bad.csv", "no data rows")]
    [InlineData("1\n2\n", "line 1", "at least one feature")]
    public void Read_BadFile_ThrowsNamingFileAndLine(string text, string location, string problem)
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("bad.csv", text);
        DataAssert.Throws(() => CsvReader.Read(file, new CsvOptions { ClassCount = 5 }), file, location, problem);
    }

    [Fact]
    public void Read_LabelOutsideRange_StillCheckedWhenInferringClassCount()
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("far.csv", "1,2,0\n3,4,1\n5,6,-3\n");
        DataAssert.Throws(() => CsvReader.Read(file, null, 0, 1), file, "line 3", "negative");
    }

    [Fact]
    public void Read_HugeIntegerTargetAsClasses_SuggestsRegression()
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("house.csv", "1,2,452600\n3,4,358500\n");
        DataAssert.Throws(() => CsvReader.Read(file), file, "line 1", "regression");
    }

    [Theory]
    [InlineData("zzz", "not in the header")]
    [InlineData("5", "outside the 3 columns")]
    public void Read_UnknownTarget_Throws(string target, string problem)
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("t.csv", "a,b,c\n1,2,3\n");
        DataAssert.Throws(() => CsvReader.Read(file, new CsvOptions { Target = target, Task = DataTask.Regression }), file, "t.csv", problem);
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(5, null)]
    public void Read_RangeBeyondEnd_Throws(int start, int? count)
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("four.csv", Classified);
        DataAssert.Throws(() => CsvReader.Read(file, null, start, count), file, "holds 4", "beyond the end");
    }
}
