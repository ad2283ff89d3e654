namespace Idl.Numerics.Serialization;

/// <summary>
/// Everything besides the matrices that reproducing a prediction needs: the task, κ, the solver and its
/// tolerances, the input (and target) standardisation, and where the model came from.
/// </summary>
public sealed record ModelMetadata
{
    /// <summary><c>classification</c> or <c>regression</c>.</summary>
    public string Task { get; init; } = "classification";

    /// <summary>Number of classes for classification (q), else 0.</summary>
    public int Classes { get; init; }

    /// <summary>The training radius κ (‖A‖∞ ≤ κ).</summary>
    public double Kappa { get; init; }

    /// <summary>Equilibrium solver name (<c>picard</c>, <c>anderson</c>, <c>triangular</c>).</summary>
    public string Solver { get; init; } = "picard";

    /// <summary>Solver absolute tolerance.</summary>
    public double Tolerance { get; init; } = 3e-6;

    /// <summary>Solver iteration limit.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Input standardisation μ (empty when none).</summary>
    public double[] InputMean { get; init; } = [];

    /// <summary>Input standardisation σ (empty when none).</summary>
    public double[] InputStd { get; init; } = [];

    /// <summary>Target standardisation μ for regression (empty when none).</summary>
    public double[] TargetMean { get; init; } = [];

    /// <summary>Target standardisation σ for regression (empty when none).</summary>
    public double[] TargetStd { get; init; } = [];

    /// <summary>Class names, index = class, when the training labels were text (empty otherwise).</summary>
    public string[] ClassNames { get; init; } = [];

    /// <summary>Input feature names, when known.</summary>
    public string[] FeatureNames { get; init; } = [];

    /// <summary>Training provenance: data set, command, seed, epochs, tool version, creation time, final metrics.</summary>
    public Dictionary<string, string> Provenance { get; init; } = [];
}
