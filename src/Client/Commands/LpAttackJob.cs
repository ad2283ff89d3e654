using System.Diagnostics;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Grains.Attacks;
using Idl.Grains.Contracts;
using Idl.Numerics.Attacks;
using Idl.Numerics.Data;
using Idl.Numerics.Models;
using Idl.Numerics.Serialization;

namespace Idl.Client.Commands;

/// <summary><c>idl attack --method lp</c> in this process: one LP per sample, through the loop the grains use.</summary>
internal static class LpAttackJob
{
    public static void Run(CliOutput output, ImplicitModel<double> model, Dataset data, LpAttack attack, double[] lower, double[] upper,
        string? folder, ModelMetadata metadata, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var progress = output.Progress("lp", data.SampleCount);
        var (inputs, labels) = Rows(data, 0, data.SampleCount);
        int written = 0, flipped = 0, p = model.InputSize;
        var result = LpAttackSliceRunner.Run(model, attack, inputs, labels, lower, upper, cancel, (s, r) =>
        {
            flipped += r?.Flipped == true ? 1 : 0;
            if (folder is not null && r is { Flipped: true } && written < 3)
            {
                written++;
                var u0 = inputs.AsSpan(s * p, p).ToArray();
                var changed = u0.Select((v, j) => Math.Abs(r.Input[j] - v) > 1e-9).ToArray();
                AttackImages.Write(folder, "lp", new AttackedSample(s, labels[s], r.CleanPrediction, r.AttackedPrediction, u0, r.Input, changed), metadata);
            }
            progress.Update(s + 1, $"{flipped} flipped");
        });
        Report(output, attack, result, clock.Elapsed.TotalSeconds, shards: null);
    }

    /// <summary>Samples [first, first + count) as row-major float64 inputs and their labels.</summary>
    public static (double[] Inputs, int[] Labels) Rows(Dataset data, int first, int count)
    {
        int p = data.FeatureCount;
        var inputs = new double[count * p];
        var labels = new int[count];
        for (int s = 0; s < count; s++)
        {
            var row = data.Features(first + s);
            for (int j = 0; j < p; j++) inputs[s * p + j] = row[j];
            labels[s] = data.Labels[first + s];
        }
        return (inputs, labels);
    }

    public static void Report(CliOutput output, LpAttack attack, LpAttackSliceResult r, double seconds, int? shards)
    {
        double fraction = r.CleanCorrect == 0 ? 0 : (double)r.Flipped / r.CleanCorrect;
        var o = new JsonObject
        {
            ["method"] = "lp", ["objective"] = attack.Objective.ToString().ToLowerInvariant(), ["epsilon"] = attack.Epsilon,
            ["cardinality"] = attack.Cardinality, ["samples"] = r.Samples, ["clean_correct"] = r.CleanCorrect, ["flipped"] = r.Flipped,
            ["flip_fraction"] = Reports.Round(fraction), ["unsolved"] = r.Unsolved, ["seconds"] = Math.Round(seconds, 2),
        };
        if (shards is int k) o["shards"] = k;
        if (attack.Objective == LpAttackObjective.Margin) o["certified_against_runner_up"] = r.Certified;
        if (output.Json) output.WriteObject(o);
        else output.Result($"lp ({o["objective"]}) epsilon {attack.Epsilon}: flipped {r.Flipped} of {r.CleanCorrect} correctly classified ({fraction * 100:F2}%){(attack.Objective == LpAttackObjective.Margin ? $"; {r.Certified} certified against the runner-up class" : "")}; {r.Unsolved} unsolved; {o["seconds"]} s");
    }
}
