namespace Idl.Numerics.Data;

/// <summary>
/// Data the project ships or generates, so the default job runs with no download: the embedded UCI optdigits set
/// (<c>digits</c>) and the synthetic generators of §7.1 and §7.2.1.
/// </summary>
public static class BuiltInDatasets
{
    private const string ResourcePrefix = "Idl.Numerics.Data.BuiltIn.";
    private const string DigitsLicence =
        "CC BY 4.0; E. Alpaydin and C. Kaynak, \"Optical Recognition of Handwritten Digits\", UCI Machine Learning Repository, doi:10.24432/C50P49";
    private const string Generated = "generated; no licence needed";

    /// <summary>Every built-in source with its sizes, task and licence.</summary>
    public static IReadOnlyList<DatasetInfo> Catalogue { get; } =
    [
        new("digits", "UCI optdigits 8x8 handwritten digits, features scaled to [0, 1] (embedded)",
            DataTask.Classification, "3,823 train + 1,797 test", 64, 10, DigitsLicence),
        new("synthetic:sine", "f(u) = 5 cos(pi u) exp(-|u|/2) + U[-1, 1] noise, u ~ U[-5, 5] (paper 7.1); test = noise-free grid",
            DataTask.Regression, "200 train + 1,000 test (default)", 1, 1, Generated),
        new("synthetic:implicit", "outputs of a random well-posed implicit model, ||A||inf <= 0.5, n = 20 (paper 7.2.1)",
            DataTask.Regression, "1,000 train + 1,000 test (default)", 5, 2, Generated),
        new("synthetic:feedforward", "outputs of a random ReLU network 5-20-20-2 (paper 7.2.1)",
            DataTask.Regression, "1,000 train + 1,000 test (default)", 5, 2, Generated),
    ];

    /// <summary>
    /// The embedded optdigits set: train = optdigits.tra (3,823 samples), test = optdigits.tes (1,797), 64 features
    /// in 0..16 divided by 16, labels 0..9.
    /// </summary>
    /// <param name="start">First sample of the range to load.</param>
    /// <param name="count">Samples to load; null means to the end.</param>
    public static Dataset Digits(DataPart part, int start = 0, int? count = null)
    {
        string file = part == DataPart.Train ? "optdigits.tra" : "optdigits.tes";
        using var reader = new StreamReader(OpenResource(file));
        var options = new CsvOptions
        {
            Delimiter = ',', HasHeader = false, Task = DataTask.Classification, ClassCount = 10,
            FeatureScale = 1f / 16, Name = part == DataPart.Train ? "digits" : "digits/test",
        };
        var data = CsvReader.Read(reader, "built-in " + file, options, start, count);
        return data.WithName(data.Name, "UCI optdigits " + file + " (" + DigitsLicence + "), features / 16");
    }

    /// <summary>Opens an embedded data file by name (e.g. "optdigits.tra").</summary>
    /// <exception cref="FileNotFoundException">No such resource is embedded.</exception>
    public static Stream OpenResource(string fileName) =>
        typeof(BuiltInDatasets).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
        ?? throw new FileNotFoundException($"Built-in data file '{fileName}' is not embedded in {typeof(BuiltInDatasets).Assembly.GetName().Name}.", fileName);
}
