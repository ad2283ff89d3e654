using System.CommandLine;
using Idl.Numerics.Data;
using Idl.Numerics.Serialization;
using Idl.Numerics.Solvers;

namespace Idl.Client.Commands;

/// <summary>Loading a model file and preparing data the way the model was trained on it.</summary>
internal static class ModelOptions
{
    public static Option<string> ModelPath() => new("--model") { Description = "Model file written by 'idl train --out'.", Required = true };

    public static Option<string> Part() => new("--part") { Description = "Which part of the data: test (default) or train.", DefaultValueFactory = _ => "test" };

    /// <exception cref="UsageException">The path is empty.</exception>
    /// <exception cref="ModelFormatException">No such file, a folder, a damaged file, or one naming a solver this version does not know.</exception>
    public static StoredModel Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw UsageException.For("--model", "''", "is empty; name a file written by 'idl train --out'");
        if (Directory.Exists(path)) throw new ModelFormatException(path, "--model names a folder, not a model file.");
        if (!File.Exists(path)) throw new ModelFormatException(path, "--model: no such model file.");
        StoredModel stored;
        try { stored = ModelFile.Load(path); }
        catch (UnauthorizedAccessException) { throw new ModelFormatException(path, "--model: the file cannot be read (permission denied)."); }
        // An unknown name once silently became Picard; a file from a newer version must say so instead.
        if (!SolverFactory.TryParse(stored.Metadata.Solver, out _))
            throw new ModelFormatException(path, $"unknown solver '{stored.Metadata.Solver}' (expected {SolverFactory.Accepted}).");
        return stored;
    }

    /// <summary>The requested part of the data, standardised with the statistics stored in the model.</summary>
    public static Dataset Prepare(StoredModel model, LoadedData loaded, string part, string path)
    {
        var data = part switch
        {
            "test" => loaded.Test ?? loaded.Train,
            "train" => loaded.Train,
            _ => throw UsageException.For("--part", part, "must be test or train"),
        };
        var m = model.Metadata;
        int p = model.InputSize;
        if (data.FeatureCount != p)
            throw new ModelFormatException(path, $"the model takes {p} features but the data has {data.FeatureCount}.");
        if (data.Task == DataTask.Classification && m.ClassNames.Length > 0) data = data.ToClassNames(m.ClassNames);
        else if (data.ClassNames is { } names && m.Task == "classification")
            throw new ModelFormatException(path, $"the model was trained on numeric labels but the data's labels are text ({string.Join(", ", names.Take(5))}).");
        if (m.InputMean.Length > 0) data = new Standardization(m.InputMean, m.InputStd).ApplyToFeatures(data);
        if (TargetScaling(model) is { } targets && data.Task == DataTask.Regression) data = targets.ApplyToTargets(data);
        return data;
    }

    /// <summary>The target standardisation the model was trained with (regression), or null.</summary>
    public static Standardization? TargetScaling(StoredModel model) =>
        model.Metadata.TargetMean.Length == 0 ? null : new Standardization(model.Metadata.TargetMean, model.Metadata.TargetStd);

    /// <summary>The solver the model was trained with, at its stored tolerance.</summary>
    public static IEquilibriumSolver Solver(StoredModel model) =>
        SolverFactory.Create(SolverFactory.Parse(model.Metadata.Solver),
            new SolverOptions { AbsoluteTolerance = model.Metadata.Tolerance, RelativeTolerance = 0, MaxIterations = model.Metadata.MaxIterations });
}
