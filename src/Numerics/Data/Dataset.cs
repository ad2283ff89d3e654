using System.Globalization;

namespace Idl.Numerics.Data;

/// <summary>
/// An in-memory data set: inputs stored sample-major (m samples × p features, float32) with either class labels
/// (classification) or an m×q matrix of real targets (regression).
/// </summary>
/// <remarks>
/// Storage is sample-major because readers produce one sample at a time and subsets copy whole rows; batches
/// are transposed into the model's layout (features × samples, samples as columns) by
/// <see cref="Batch{T}(ReadOnlySpan{int})"/>. Instances are immutable: every transformation returns a new one.
/// </remarks>
public sealed partial class Dataset
{
    private readonly float[] _inputs;
    private readonly int[]? _labels;
    private readonly float[]? _targets;

    private Dataset(string name, string description, DataTask task, float[] inputs, int featureCount,
        int[]? labels, float[]? targets, int outputCount, IReadOnlyList<string>? featureNames)
    {
        Name = name;
        Description = description;
        Task = task;
        _inputs = inputs;
        FeatureCount = featureCount;
        _labels = labels;
        _targets = targets;
        OutputCount = outputCount;
        SampleCount = inputs.Length / featureCount;
        FeatureNames = featureNames;
    }

    /// <summary>Short name (e.g. "digits").</summary>
    public string Name { get; }

    /// <summary>One-line description and provenance.</summary>
    public string Description { get; }

    /// <summary>Classification or regression.</summary>
    public DataTask Task { get; }

    /// <summary>Number of samples m.</summary>
    public int SampleCount { get; }

    /// <summary>Number of input features p.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of model outputs q: the class count for classification, the target width for regression.</summary>
    public int OutputCount { get; }

    /// <summary>The class count K (labels are 0..K−1); 0 for regression.</summary>
    public int ClassCount => Task == DataTask.Classification ? OutputCount : 0;

    /// <summary>Feature names, when the source had them (a CSV header); otherwise null.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>All inputs, sample-major: sample i occupies <c>[i·p, (i+1)·p)</c>.</summary>
    public ReadOnlySpan<float> Inputs => _inputs;

    /// <summary>The p features of sample <paramref name="i"/>.</summary>
    public ReadOnlySpan<float> Features(int i) => _inputs.AsSpan(CheckIndex(i) * FeatureCount, FeatureCount);

    /// <summary>Class labels, one per sample.</summary>
    /// <exception cref="InvalidOperationException">The data set is a regression set.</exception>
    public ReadOnlySpan<int> Labels => _labels ?? throw new InvalidOperationException(
        $"Data set '{Name}' is a regression set and has no class labels.");

    /// <summary>Regression targets, sample-major (m×q).</summary>
    /// <exception cref="InvalidOperationException">The data set is a classification set.</exception>
    public ReadOnlySpan<float> Targets => _targets ?? throw new InvalidOperationException(
        $"Data set '{Name}' is a classification set; use Labels or a one-hot batch.");

    /// <summary>The q targets of sample <paramref name="i"/> (regression only).</summary>
    public ReadOnlySpan<float> Target(int i) => Targets.Slice(CheckIndex(i) * OutputCount, OutputCount);

    /// <summary>Creates a classification set; arrays are taken over, not copied.</summary>
    /// <param name="inputs">m·p values, sample-major; every value finite.</param>
    /// <param name="featureCount">p ≥ 1.</param>
    /// <param name="labels">m labels in 0..<paramref name="classCount"/>−1.</param>
    /// <param name="classCount">K ≥ 1.</param>
    /// <exception cref="ArgumentException">Sizes disagree, a value is not finite, or a label is out of range.</exception>
    public static Dataset ForClassification(string name, float[] inputs, int featureCount, int[] labels, int classCount,
        IReadOnlyList<string>? featureNames = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        CheckInputs(inputs, featureCount, labels.Length, featureNames);
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classCount)
                throw new ArgumentException(Invariant($"Label {labels[i]} of sample {i} is outside 0..{classCount - 1}."), nameof(labels));
        return new Dataset(name, description ?? name, DataTask.Classification, inputs, featureCount, labels, null, classCount, featureNames);
    }

    /// <summary>Creates a regression set; arrays are taken over, not copied.</summary>
    /// <param name="targets">m·q values, sample-major; every value finite.</param>
    /// <param name="outputCount">q ≥ 1.</param>
    /// <exception cref="ArgumentException">Sizes disagree or a value is not finite.</exception>
    public static Dataset ForRegression(string name, float[] inputs, int featureCount, float[] targets, int outputCount,
        IReadOnlyList<string>? featureNames = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputCount);
        if (targets.Length % outputCount != 0)
            throw new ArgumentException(Invariant($"Targets have {targets.Length} values, not a multiple of q = {outputCount}."), nameof(targets));
        CheckInputs(inputs, featureCount, targets.Length / outputCount, featureNames);
        CheckFinite(targets, outputCount, nameof(targets));
        return new Dataset(name, description ?? name, DataTask.Regression, inputs, featureCount, null, targets, outputCount, featureNames);
    }

    /// <inheritdoc />
    public override string ToString() => Invariant(
        $"{Name}: {SampleCount} samples x {FeatureCount} features, {Task} ({(Task == DataTask.Classification ? $"{OutputCount} classes" : $"{OutputCount} outputs")})");

    private static void CheckInputs(float[] inputs, int featureCount, int sampleCount, IReadOnlyList<string>? names)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        if (inputs.Length != (long)sampleCount * featureCount)
            throw new ArgumentException(Invariant(
                $"Inputs have {inputs.Length} values but {sampleCount} samples x {featureCount} features need {(long)sampleCount * featureCount}."), nameof(inputs));
        if (names is not null && names.Count != featureCount)
            throw new ArgumentException(Invariant($"{names.Count} feature names given for {featureCount} features."), nameof(names));
        CheckFinite(inputs, featureCount, nameof(inputs));
    }

    private static void CheckFinite(float[] values, int width, string name)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i]))
                throw new ArgumentException(Invariant($"Value {values[i]} at sample {i / width}, column {i % width} is not finite."), name);
    }

    private int CheckIndex(int i)
    {
        if ((uint)i >= (uint)SampleCount)
            throw new ArgumentOutOfRangeException(nameof(i), Invariant($"Sample {i} is outside 0..{SampleCount - 1} of '{Name}'."));
        return i;
    }

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
