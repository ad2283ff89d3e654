namespace Idl.Numerics.Data;

/// <summary>
/// The one entry point from a data specification string (as the CLI takes it) to data:
/// <c>digits</c>, <c>mnist:&lt;folder&gt;</c>, <c>csv:&lt;file&gt;</c>, <c>libsvm:&lt;file&gt;</c>,
/// <c>synthetic:sine</c>, <c>synthetic:implicit</c>, <c>synthetic:feedforward</c>.
/// </summary>
public static class DataSource
{
    /// <summary>The accepted specification forms, for help text and errors.</summary>
    public static IReadOnlyList<string> Forms { get; } =
        ["digits", "mnist:<folder>", "csv:<file>", "libsvm:<file>", "synthetic:sine", "synthetic:implicit", "synthetic:feedforward"];

    /// <summary>Loads the data named by <paramref name="spec"/>.</summary>
    /// <remarks><see cref="DataSourceOptions.Start"/>/<see cref="DataSourceOptions.Count"/> select a range of the
    /// training part: readers skip the rest, generators produce the full set (it is cheap and must be identical on
    /// every shard) and slice it.</remarks>
    /// <exception cref="ArgumentException">The specification is empty, has an unknown scheme (the message lists the
    /// accepted forms), or lacks its path.</exception>
    /// <exception cref="DataFormatException">The file's content is bad.</exception>
    /// <exception cref="FileNotFoundException">A file or folder is missing.</exception>
    public static LoadedData Load(string spec, DataSourceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        options ??= new DataSourceOptions();
        int colon = spec.IndexOf(':');
        string scheme = (colon < 0 ? spec : spec[..colon]).Trim().ToLowerInvariant();
        string argument = colon < 0 ? "" : spec[(colon + 1)..].Trim();
        return scheme switch
        {
            "digits" when argument.Length == 0 => new(
                BuiltInDatasets.Digits(DataPart.Train, options.Start, options.Count),
                options.LoadTest ? BuiltInDatasets.Digits(DataPart.Test) : null),
            "mnist" => new(
                MnistReader.ReadFolder(Path(spec, argument), DataPart.Train, options.Start, options.Count),
                options.LoadTest ? MnistReader.ReadFolder(argument, DataPart.Test) : null),
            "csv" => new(Readable(Path(spec, argument), f => CsvReader.Read(f, options.Csv, options.Start, options.Count)), null),
            "libsvm" => new(Readable(Path(spec, argument), f => LibSvmReader.Read(f, options.LibSvm, options.Start, options.Count)), null),
            "synthetic" => Synthetic(spec, argument.ToLowerInvariant(), options),
            _ => throw Unknown(spec),
        };
    }

    private static LoadedData Synthetic(string spec, string kind, DataSourceOptions options)
    {
        Func<DataPart, SyntheticOptions, Dataset> generate = kind switch
        {
            "sine" => SyntheticSine.Generate,
            "implicit" => SyntheticImplicit.Generate,
            "feedforward" => SyntheticFeedforward.Generate,
            _ => throw Unknown(spec),
        };
        var train = generate(DataPart.Train, options.Synthetic);
        if (options.Start != 0 || options.Count is not null)
        {
            int take = SampleRange.Resolve(spec, options.Start, options.Count, train.SampleCount, "samples");
            train = train.Slice(options.Start, take);
        }
        // The test part keeps its own default size: Samples sizes the training part only.
        var test = options.LoadTest ? generate(DataPart.Test, options.Synthetic with { Samples = null }) : null;
        return new LoadedData(train, test);
    }

    // A folder or an unreadable file would otherwise surface as "Access to the path is denied" with a trace.
    private static Dataset Readable(string file, Func<string, Dataset> read)
    {
        if (Directory.Exists(file)) throw DataFormatException.InFile(file, "is a folder, not a data file; name the file itself.");
        try { return read(file); }
        catch (UnauthorizedAccessException) { throw DataFormatException.InFile(file, "cannot be read: permission denied."); }
    }

    private static string Path(string spec, string argument) => argument.Length > 0 ? argument
        : throw new ArgumentException($"Data specification '{spec}' needs a path after the colon, e.g. {spec.TrimEnd(':')}:data/train.csv.", nameof(spec));

    private static ArgumentException Unknown(string spec) =>
        new($"Unknown data specification '{spec}'. Accepted: {string.Join(", ", Forms)}.", nameof(spec));
}
