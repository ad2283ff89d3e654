using System.Buffers.Binary;
using Idl.Numerics.Data;

namespace Idl.Numerics.Tests.Data;

public sealed class IdxReaderTests
{
    private const int N = 37, Rows = 3, Cols = 4;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_GeneratedFile_PixelsScaledAndLabelsKept(bool gzip)
    {
        using var dir = new TempFolder();
        var imageBytes = Idx.Images(N, Rows, Cols, seed: 1);
        var labelBytes = Idx.Labels(N, seed: 2);
        var data = IdxReader.Read(dir.WriteBytes("img", imageBytes, gzip), dir.WriteBytes("lbl", labelBytes, gzip));

        Assert.Equal(N, data.SampleCount);
        Assert.Equal(Rows * Cols, data.FeatureCount);
        Assert.Equal(10, data.ClassCount);
        for (int i = 0; i < N * Rows * Cols; i++) Assert.Equal(imageBytes[16 + i] / 255f, data.Inputs[i]);
        for (int i = 0; i < N; i++) Assert.Equal(labelBytes[8 + i], data.Labels[i]);
    }

    [Theory]
    [InlineData(false, 0, 1)]
    [InlineData(false, 5, 10)]
    [InlineData(true, 5, 10)]
    [InlineData(true, 36, 1)]
    [InlineData(false, 0, 37)]
    public void Read_Range_EqualsFullLoadSliced(bool gzip, int start, int count)
    {
        using var dir = new TempFolder();
        string img = dir.WriteBytes("img", Idx.Images(N, Rows, Cols, 3), gzip), lbl = dir.WriteBytes("lbl", Idx.Labels(N, 4), gzip);

        DataAssert.SameSamples(IdxReader.Read(img, lbl).Slice(start, count), IdxReader.Read(img, lbl, start, count));
    }

    [Fact]
    public void MnistReadFolder_GzipNames_PicksTrainAndTest()
    {
        using var dir = new TempFolder();
        dir.WriteBytes("train-images-idx3-ubyte.gz", Idx.Images(12, 28, 28, 5), gzip: true);
        dir.WriteBytes("train-labels-idx1-ubyte.gz", Idx.Labels(12, 6), gzip: true);
        dir.WriteBytes("t10k-images-idx3-ubyte", Idx.Images(4, 28, 28, 7));
        dir.WriteBytes("t10k-labels-idx1-ubyte", Idx.Labels(4, 8));

        Assert.Equal(12, MnistReader.ReadFolder(dir.Path, DataPart.Train).SampleCount);
        Assert.Equal(4, MnistReader.ReadFolder(dir.Path, DataPart.Test).SampleCount);
        Assert.Equal(784, MnistReader.ReadFolder(dir.Path, DataPart.Test, 1, 2).FeatureCount);
    }

    [Fact]
    public void MnistReadFolder_MissingFile_ThrowsNamingTheCandidates()
    {
        using var dir = new TempFolder();
        var e = Assert.Throws<FileNotFoundException>(() => MnistReader.ReadFolder(dir.Path, DataPart.Train));
        Assert.Contains("train-images-idx3-ubyte.gz", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_WrongImageMagic_ThrowsAtOffsetZero(bool gzip)
    {
        using var dir = new TempFolder();
        string img = dir.WriteBytes("bad-images", Idx.Images(N, Rows, Cols, 1, magic: 0x00000801), gzip);
        string lbl = dir.WriteBytes("lbl", Idx.Labels(N, 2), gzip);
        DataAssert.Throws(() => IdxReader.Read(img, lbl), img, "byte offset 0", "magic number 0x00000801");
    }

    [Fact]
    public void Read_WrongLabelMagic_ThrowsNamingLabelsFile()
    {
        using var dir = new TempFolder();
        string img = dir.WriteBytes("img", Idx.Images(N, Rows, Cols, 1));
        string lbl = dir.WriteBytes("bad-labels", Idx.Labels(N, 2, magic: 0x00000803));
        DataAssert.Throws(() => IdxReader.Read(img, lbl), lbl, "byte offset 0", "magic number");
    }

    [Fact]
    public void Read_MismatchedCounts_ThrowsNamingBothFiles()
    {
        using var dir = new TempFolder();
        string img = dir.WriteBytes("img-37", Idx.Images(N, Rows, Cols, 1));
        string lbl = dir.WriteBytes("lbl-36", Idx.Labels(N - 1, 2));
        var e = DataAssert.Throws(() => IdxReader.Read(img, lbl), lbl, "byte offset 4", "36 labels");
        Assert.Contains("img-37", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_TruncatedImages_ThrowsTruncatedWithOffset(bool gzip)
    {
        using var dir = new TempFolder();
        var bytes = Idx.Images(N, Rows, Cols, 1);
        string img = dir.WriteBytes("short-images", bytes[..^5], gzip);
        string lbl = dir.WriteBytes("lbl", Idx.Labels(N, 2), gzip);
        DataAssert.Throws(() => IdxReader.Read(img, lbl), img, "byte offset", "truncated");
    }

    [Fact]
    public void Read_TruncatedHeader_ThrowsTruncated()
    {
        using var dir = new TempFolder();
        string img = dir.WriteBytes("tiny", Idx.Images(N, Rows, Cols, 1)[..10]);
        string lbl = dir.WriteBytes("lbl", Idx.Labels(N, 2));
        DataAssert.Throws(() => IdxReader.Read(img, lbl), img, "byte offset 10", "truncated");
    }

    [Fact]
    public void Read_LabelAboveClassCount_ThrowsAtItsOffset()
    {
        using var dir = new TempFolder();
        var labels = Idx.Labels(N, 2);
        labels[8 + 20] = 10;
        string img = dir.WriteBytes("img", Idx.Images(N, Rows, Cols, 1));
        string lbl = dir.WriteBytes("lbl", labels);
        DataAssert.Throws(() => IdxReader.Read(img, lbl), lbl, "byte offset 28", "label 10");
    }

    [Fact]
    public void Read_ZeroImages_ThrowsEmpty()
    {
        using var dir = new TempFolder();
        string img = dir.WriteBytes("empty-img", Idx.Images(0, Rows, Cols, 1));
        string lbl = dir.WriteBytes("empty-lbl", Idx.Labels(0, 2));
        DataAssert.Throws(() => IdxReader.Read(img, lbl), img, "byte offset 4", "empty");
    }

    [Theory]
    [InlineData(30, 8)]
    [InlineData(38, null)]
    public void Read_RangeBeyondEnd_Throws(int start, int? count)
    {
        using var dir = new TempFolder();
        string img = dir.WriteBytes("img", Idx.Images(N, Rows, Cols, 1), gzip: true);
        string lbl = dir.WriteBytes("lbl", Idx.Labels(N, 2), gzip: true);
        DataAssert.Throws(() => IdxReader.Read(img, lbl, start, count), img, "holds 37", "beyond the end");
    }

    [Fact]
    public void Read_CorruptGzip_ThrowsAtOffset()
    {
        using var dir = new TempFolder();
        var gz = Idx.Gzip(Idx.Images(N, Rows, Cols, 1));
        for (int i = 12; i < gz.Length - 8; i++) gz[i] ^= 0x5A;
        string img = dir.WriteBytes("corrupt.gz", gz);
        string lbl = dir.WriteBytes("lbl", Idx.Labels(N, 2));
        var e = Assert.Throws<DataFormatException>(() => IdxReader.Read(img, lbl));
        Assert.Contains("corrupt.gz", e.Message);
        Assert.NotNull(e.ByteOffset);
    }

    [Fact]
    public void Read_NegativeDimension_Throws()
    {
        using var dir = new TempFolder();
        var bytes = Idx.Images(N, Rows, Cols, 1);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), -3);
        string img = dir.WriteBytes("negdim", bytes);
        string lbl = dir.WriteBytes("lbl", Idx.Labels(N, 2));
        DataAssert.Throws(() => IdxReader.Read(img, lbl), img, "byte offset 8", "dimension 1 is -3");
    }
}
