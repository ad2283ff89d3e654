using Idl.Client.Output;
using Idl.Numerics.Attacks;
using Idl.Numerics.Serialization;

namespace Idl.Client.Commands;

/// <summary>Writes one attacked sample as a PNG in the data's original units, changed inputs marked.</summary>
internal static class AttackImages
{
    public static void Write(string folder, string prefix, AttackedSample e, ModelMetadata metadata)
    {
        // The model sees standardised inputs; the picture shows the original pixel values.
        var raw = e.Attacked.Select((v, j) => metadata.InputStd.Length > 0 ? v * metadata.InputStd[j] + metadata.InputMean[j] : v).ToArray();
        string title = $"sample {e.Index}: label {e.Label}, clean {e.CleanPrediction}, attacked {e.AttackedPrediction}";
        Figures.MarkedImage(Path.Combine(folder, $"{prefix}-{e.Index}.png"), Figures.Square(raw), Figures.Square(e.Changed), title);
    }
}
