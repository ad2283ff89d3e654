namespace Idl.Numerics.Data;

/// <summary>Finds and reads the four MNIST IDX files in a folder (raw or gzip).</summary>
public static class MnistReader
{
    /// <summary>
    /// Loads the train (60,000) or test (10,000) part from <paramref name="folder"/>, which holds
    /// <c>train-images-idx3-ubyte</c>, <c>train-labels-idx1-ubyte</c>, <c>t10k-images-idx3-ubyte</c> and
    /// <c>t10k-labels-idx1-ubyte</c>, each optionally with a <c>.gz</c> suffix (the dotted variant
    /// <c>train-images.idx3-ubyte</c> is accepted too).
    /// </summary>
    /// <param name="start">First sample of the range to load.</param>
    /// <param name="count">Samples to load; null means to the end.</param>
    /// <exception cref="FileNotFoundException">A file is missing; the message lists the names tried.</exception>
    /// <exception cref="DataFormatException">A file is malformed (see <see cref="IdxReader.Read"/>).</exception>
    public static Dataset ReadFolder(string folder, DataPart part, int start = 0, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string prefix = part == DataPart.Train ? "train" : "t10k";
        string images = Find(folder, prefix, "images", "idx3-ubyte");
        string labels = Find(folder, prefix, "labels", "idx1-ubyte");
        return IdxReader.Read(images, labels, start, count, 10, $"mnist/{part.ToString().ToLowerInvariant()}");
    }

    private static string Find(string folder, string prefix, string kind, string suffix)
    {
        string[] names =
        [
            $"{prefix}-{kind}-{suffix}", $"{prefix}-{kind}-{suffix}.gz",
            $"{prefix}-{kind}.{suffix}", $"{prefix}-{kind}.{suffix}.gz",
        ];
        foreach (var n in names)
        {
            var path = Path.Combine(folder, n);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(
            $"No MNIST {prefix} {kind} file in '{folder}'; looked for {string.Join(", ", names)}.", Path.Combine(folder, names[0]));
    }
}
