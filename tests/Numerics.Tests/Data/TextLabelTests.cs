using Idl.Numerics.Data;

namespace Idl.Numerics.Tests.Data;

public sealed class TextLabelTests
{
    private const string Satellite = "a,b,class\n1,2,grey soil\n3,4,red soil\n5,6,\"grey soil\"\n7,8,cotton\n";

    [Fact]
    public void Read_TextLabels_NumbersClassesInOrdinalOrderOfNames()
    {
        using var dir = new TempFolder();
        var data = CsvReader.Read(dir.WriteText("sat.csv", Satellite));
        Assert.Equal(["cotton", "grey soil", "red soil"], data.ClassNames);
        Assert.Equal(3, data.ClassCount);
        Assert.Equal([1, 2, 1, 0], data.Labels.ToArray());
    }

    [Fact]
    public void Read_TextLabelsRange_SameClassesAsWholeFile()
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("sat.csv", Satellite);
        var tail = CsvReader.Read(file, start: 2, count: 2);
        Assert.Equal(["cotton", "grey soil", "red soil"], tail.ClassNames);
        Assert.Equal([1, 0], tail.Labels.ToArray());
    }

    [Fact]
    public void Read_NumericLabels_HaveNoClassNames()
    {
        using var dir = new TempFolder();
        var data = CsvReader.Read(dir.WriteText("n.csv", "1,2,0\n3,4,2\n"));
        Assert.Null(data.ClassNames);
        Assert.Equal(3, data.ClassCount);
    }

    [Fact]
    public void Subsets_TextLabels_KeepClassNames()
    {
        using var dir = new TempFolder();
        var data = CsvReader.Read(dir.WriteText("sat.csv", Satellite));
        Assert.Equal(data.ClassNames, data.Subset([3, 0]).ClassNames);
        Assert.Equal(data.ClassNames, DatasetSplits.Create(data, 0, 0.5, seed: 1).Test.ClassNames);
    }

    [Fact]
    public void ToClassNames_FileWithFewerClasses_RenumbersByName()
    {
        using var dir = new TempFolder();
        var part = CsvReader.Read(dir.WriteText("part.csv", "1,2,red soil\n3,4,grey soil\n"));
        Assert.Equal([1, 0], part.Labels.ToArray());
        var asModel = part.ToClassNames(["cotton", "grey soil", "red soil"]);
        Assert.Equal([2, 1], asModel.Labels.ToArray());
        Assert.Equal(3, asModel.ClassCount);
    }

    [Fact]
    public void ToClassNames_UnknownClass_ThrowsNamingIt()
    {
        using var dir = new TempFolder();
        var part = CsvReader.Read(dir.WriteText("part.csv", "1,2,damp soil\n3,4,grey soil\n"));
        var e = Assert.Throws<DataFormatException>(() => part.ToClassNames(["cotton", "grey soil"]));
        Assert.Contains("'damp soil'", e.Message);
    }

    [Fact]
    public void Read_LibSvmHugeFeatureIndex_ThrowsNamingLineAndIndex()
    {
        using var dir = new TempFolder();
        string file = dir.WriteText("big.svm", "1 1:1\n0 1:2 2000000000:3\n");
        DataAssert.Throws(() => LibSvmReader.Read(file), file, "line 2", "feature index 2000000000");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("libsvm")]
    public void Load_FolderAsDataFile_ThrowsSayingFolder(string scheme)
    {
        using var dir = new TempFolder();
        var e = Assert.Throws<DataFormatException>(() => DataSource.Load($"{scheme}:{dir.Path}"));
        Assert.Contains("is a folder", e.Message);
        Assert.Contains(dir.Path, e.Message);
    }
}
