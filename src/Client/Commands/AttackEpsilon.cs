using Idl.Numerics.Serialization;

namespace Idl.Client.Commands;

/// <summary>
/// Converts an attack radius between the data's own units (raw pixels) and the model's input units. Only a model with
/// one scale for every input (global or no standardisation, as for images) has a single raw ε for a model ε.
/// </summary>
internal static class AttackEpsilon
{
    /// <summary>The model-unit ε of <c>--epsilon</c> given in <c>--epsilon-units</c> (model or raw).</summary>
    public static double ToModel(double epsilon, string units, ModelMetadata metadata) => units switch
    {
        "model" => epsilon,
        "raw" => epsilon / (Scale(metadata) ?? throw UsageException.For("--epsilon-units", units,
            "the model scales each input separately, so a raw ε is not one model ε; give --epsilon in model units")),
        _ => throw UsageException.For("--epsilon-units", units, "must be model or raw"),
    };

    /// <summary>The raw-unit size of a model-unit ε, or null when the inputs are scaled separately.</summary>
    public static double? ToRaw(double epsilon, ModelMetadata metadata) => Scale(metadata) is double s ? epsilon * s : null;

    // Raw = model·σ + mean, so a step scales by σ; no standardisation means σ = 1.
    private static double? Scale(ModelMetadata metadata)
    {
        var std = metadata.InputStd;
        if (std.Length == 0) return 1;
        return std.All(s => s == std[0]) ? std[0] : null;
    }
}
