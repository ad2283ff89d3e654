namespace Idl.Numerics.Data;

/// <summary>
/// Reads image/label pairs in the IDX format of MNIST (LeCun et al.): an images file of type unsigned byte with
/// three dimensions (n, rows, cols) and a labels file of type unsigned byte with one dimension (n). Files may be
/// raw or gzip-compressed; pixels are scaled to [0, 1] by /255.
/// </summary>
public static class IdxReader
{
    private const int UnsignedByte = 0x08;

    /// <summary>
    /// Loads samples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) without keeping
    /// the others: raw files are seeked, gzip files are decompressed up to the range and the prefix discarded.
    /// </summary>
    /// <param name="imagesPath">The idx3-ubyte images file (raw or .gz).</param>
    /// <param name="labelsPath">The idx1-ubyte labels file (raw or .gz).</param>
    /// <param name="start">First sample, ≥ 0.</param>
    /// <param name="count">Number of samples; null means up to the end.</param>
    /// <param name="classCount">Number of classes K; each label must be below it (10 for MNIST).</param>
    /// <param name="name">Data set name; defaults to the images file name.</param>
    /// <exception cref="DataFormatException">Wrong magic number, zero or mismatched counts, a truncated or corrupt
    /// file, a label ≥ K, an empty file, or a range beyond the end. The message names the file and byte offset.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static Dataset Read(string imagesPath, string labelsPath, int start = 0, int? count = null,
        int classCount = 10, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        using var images = IdxStream.Open(imagesPath);
        using var labels = IdxStream.Open(labelsPath);
        var imageDims = ReadHeader(images, 3);
        var labelDims = ReadHeader(labels, 1);
        int n = imageDims[0];
        if (labelDims[0] != n)
            throw DataFormatException.AtOffset(labelsPath, 4, Dataset.Invariant(
                $"labels file holds {labelDims[0]} labels but images file '{imagesPath}' holds {n} images."));
        if (n == 0) throw DataFormatException.AtOffset(imagesPath, 4, "the data set is empty (0 images).");
        int take = SampleRange.Resolve(imagesPath, start, count, n, "images");
        int p = checked(imageDims[1] * imageDims[2]);
        if (!images.IsGzip) CheckRawLength(images, (long)n * p);
        if (!labels.IsGzip) CheckRawLength(labels, n);

        images.Skip((long)start * p, "images before the range");
        var bytes = new byte[checked(take * p)];
        images.ReadExactly(bytes, Dataset.Invariant($"images {start}..{start + take - 1}"));
        var inputs = new float[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) inputs[i] = bytes[i] / 255f;

        labels.Skip(start, "labels before the range");
        long labelOffset = labels.Offset;
        var labelBytes = new byte[take];
        labels.ReadExactly(labelBytes, Dataset.Invariant($"labels {start}..{start + take - 1}"));
        var y = new int[take];
        for (int i = 0; i < take; i++)
        {
            if (labelBytes[i] >= classCount)
                throw DataFormatException.AtOffset(labelsPath, labelOffset + i, Dataset.Invariant(
                    $"label {labelBytes[i]} of sample {start + i} is not below the class count {classCount}."));
            y[i] = labelBytes[i];
        }
        string title = name ?? Path.GetFileName(imagesPath);
        return Dataset.ForClassification(title, inputs, p, y, classCount, description: Dataset.Invariant(
            $"IDX images {Path.GetFileName(imagesPath)} ({imageDims[1]}x{imageDims[2]}), samples {start}..{start + take - 1} of {n}"));
    }

    /// <summary>Reads the magic number and dimensions; checks type unsigned byte and the expected rank.</summary>
    private static int[] ReadHeader(IdxStream s, int rank)
    {
        Span<byte> magic = stackalloc byte[4];
        s.ReadExactly(magic, "the magic number");
        int expected = (UnsignedByte << 8) | rank;
        int actual = (magic[0] << 24) | (magic[1] << 16) | (magic[2] << 8) | magic[3];
        if (actual != expected)
            throw DataFormatException.AtOffset(s.Path, 0, Dataset.Invariant(
                $"magic number 0x{actual:X8} is not an IDX unsigned-byte file of rank {rank} (expected 0x{expected:X8})."));
        var dims = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            long at = s.Offset;
            dims[d] = s.ReadBigEndianInt32(Dataset.Invariant($"dimension {d}"));
            if (dims[d] < 0 || (d > 0 && dims[d] == 0))
                throw DataFormatException.AtOffset(s.Path, at, Dataset.Invariant($"dimension {d} is {dims[d]}."));
        }
        return dims;
    }

    private static void CheckRawLength(IdxStream s, long contentBytes)
    {
        long expected = s.Offset + contentBytes;
        if (s.FileLength < expected)
            throw DataFormatException.AtOffset(s.Path, s.FileLength, Dataset.Invariant(
                $"file is truncated: the header promises {expected} bytes but the file has {s.FileLength}."));
    }
}
