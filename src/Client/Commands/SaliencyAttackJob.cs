using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics.Attacks;
using Idl.Numerics.Data;
using Idl.Numerics.Models;
using Idl.Numerics.Serialization;
using Idl.Numerics.Solvers;

namespace Idl.Client.Commands;

/// <summary><c>idl attack --method sensitivity|gradient</c>: one row of Table 1 per fraction of perturbed inputs.</summary>
internal static class SaliencyAttackJob
{
    public static void Run(CliOutput output, ImplicitModel<double> model, Dataset data, IEquilibriumSolver solver, AttackMethod method,
        SaliencyTarget target, SaliencyAttack attack, IReadOnlyList<double> fractions, double[] lower, double[] upper, string? folder, ModelMetadata metadata)
    {
        string name = method.ToString().ToLowerInvariant(), aim = Name(target), kind = attack.Kind.ToString().ToLowerInvariant();
        double? rawEpsilon = AttackEpsilon.ToRaw(attack.Epsilon, metadata);
        bool dense = attack.Kind == PerturbationKind.Dense;
        foreach (double f in fractions)
        {
            var clock = Stopwatch.StartNew();
            string fraction = f.ToString(CultureInfo.InvariantCulture);
            var progress = output.Progress($"{name} {fraction}", data.SampleCount);
            var (o, examples) = AttackRunner.Run(model, data, solver, method, target, attack with { Fraction = f }, lower, upper,
                keep: folder is null ? 0 : 3, progress: d => progress.Update(d));
            string eps = dense ? $"-eps{(rawEpsilon ?? attack.Epsilon).ToString("0.###", CultureInfo.InvariantCulture)}" : "";
            if (folder is not null)
                foreach (var e in examples) AttackImages.Write(folder, $"{name}-{aim}-{kind}{eps}-{fraction}", e, metadata);
            var row = new JsonObject
            {
                ["method"] = name, ["target"] = aim, ["perturbation"] = kind,
                ["epsilon"] = dense ? attack.Epsilon : null, ["epsilon_raw"] = dense ? rawEpsilon : null, ["fraction"] = f,
                ["perturbed_inputs"] = o.PerturbedInputs, ["moved_inputs_mean"] = Math.Round(o.MovedPerSample, 2), ["samples"] = o.Samples, ["clean_correct"] = o.CleanCorrect, ["flipped"] = o.Flipped,
                ["clean_accuracy"] = Reports.Round(o.CleanAccuracy), ["attacked_accuracy"] = Reports.Round(o.AttackedAccuracy),
                ["success_rate"] = Reports.Round(o.SuccessRate), ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
            };
            if (output.Json) output.WriteObject(row);
            else output.Result($"{name} ({aim}) {kind}{eps} {f * 100:0.###}% ({o.PerturbedInputs} inputs): success {o.SuccessRate * 100:F2}% of {o.CleanCorrect} correct; accuracy {o.CleanAccuracy:F4} -> {o.AttackedAccuracy:F4}");
        }
    }

    /// <summary>The <c>--target</c> spelling of <paramref name="target"/>.</summary>
    public static string Name(SaliencyTarget target) => target switch
    {
        SaliencyTarget.AllOutputs => "outputs",
        SaliencyTarget.Label => "label",
        _ => "loss",
    };

    /// <summary>Parses <c>--target</c> for <paramref name="method"/>; no value picks the method's default (outputs for sensitivity, label for gradient).</summary>
    public static SaliencyTarget ParseTarget(string? text, AttackMethod method) => (text, method) switch
    {
        (null, AttackMethod.Sensitivity) or ("outputs", AttackMethod.Sensitivity) => SaliencyTarget.AllOutputs,
        (null, _) or ("label", _) => SaliencyTarget.Label,
        ("loss", AttackMethod.Gradient) => SaliencyTarget.Loss,
        ("outputs" or "loss", _) => throw UsageException.For("--target", text,
            $"does not apply to --method {method.ToString().ToLowerInvariant()} (sensitivity takes outputs or label, gradient takes label or loss)"),
        _ => throw UsageException.For("--target", text, "must be outputs, label or loss"),
    };
}
