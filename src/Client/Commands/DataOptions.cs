using System.CommandLine;
using Idl.Grains.Data;
using Idl.Grains.Options;
using Idl.Numerics.Data;

namespace Idl.Client.Commands;

/// <summary>The data options shared by train, evaluate and predict.</summary>
internal sealed class DataOptions
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = "Data: digits (built in), mnist:<folder>, csv:<file>, libsvm:<file>, synthetic:sine|implicit|feedforward; "
            + "a folder or file may be an Azure blob, blob://<container>/<path> (see --data-connection).",
        DefaultValueFactory = _ => "digits",
    };

    public Option<string?> Target { get; } = new("--target") { Description = "CSV target column: name or 0-based index (default: last)." };

    public Option<string?> Task { get; } = new("--task") { Description = "classification or regression (default: the source's own; CSV/LibSVM: classification)." };

    public Option<int?> Samples { get; } = new("--samples") { Description = "Training samples to generate for synthetic data." };

    /// <summary>Shared with <c>idl sweep</c>, which has its own --data.</summary>
    public static Option<string?> CreateConnectionOption() => new("--data-connection")
    {
        Description = "Azure Storage connection string for data at blob://<container>/<path> (env IDL_DATA_CONNECTION). "
            + "Used here and by the embedded silo; a running cluster's silos use their own Silo:Training:DataConnection.",
    };

    public Option<string?> DataConnection { get; } = CreateConnectionOption();

    /// <summary>--data-connection, else IDL_DATA_CONNECTION, else null.</summary>
    public static string? ConnectionFor(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) ?? (Environment.GetEnvironmentVariable("IDL_DATA_CONNECTION") is { Length: > 0 } v ? v : null);

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Target);
        command.Options.Add(Task);
        command.Options.Add(Samples);
        command.Options.Add(DataConnection);
    }

    /// <summary>Loads the data the options name; the seed drives synthetic generators.</summary>
    public LoadedData Load(ParseResult parse, int seed, int? limit = null)
    {
        string spec = parse.GetValue(Data)!;
        if (string.IsNullOrWhiteSpace(spec))
            throw UsageException.For("--data", "''", $"is empty; accepted: {string.Join(", ", DataSource.Forms)}");
        if (limit is < 1) throw UsageException.For("--limit", limit, "must be at least 1");
        var options = Reading(parse).ToOptions(seed, count: limit);
        // A blob is copied once into the same cache a silo on this machine uses, then read like a local file.
        // Only the specification's own errors are the user's; any other ArgumentException from reading is a bug.
        try
        {
            string local = new BlobDataCache(ConnectionFor(parse, DataConnection), new TrainingClusterOptions().DataCacheDirectory).Resolve(spec);
            return DataSource.Load(local, options);
        }
        catch (ArgumentException e) when (e.ParamName == "spec") { throw UsageException.For("--data", spec, UsageException.Plain(e)); }
    }

    /// <summary>How the options say to read the data (shared by a single process and a cluster run).</summary>
    public DataReading Reading(ParseResult parse)
    {
        DataTask? task = parse.GetValue(Task) switch
        {
            null => null,
            "classification" => DataTask.Classification,
            "regression" => DataTask.Regression,
            var other => throw UsageException.For("--task", other, "must be classification or regression"),
        };
        int? samples = parse.GetValue(Samples);
        if (samples is < 1) throw UsageException.For("--samples", samples, "must be at least 1");
        return new DataReading(parse.GetValue(Target), task, samples);
    }
}
