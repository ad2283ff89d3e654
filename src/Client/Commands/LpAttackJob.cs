using System.Diagnostics;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics;
using Idl.Numerics.Attacks;
using Idl.Numerics.Data;
using Idl.Numerics.Models;
using Idl.Numerics.Serialization;
using Idl.Numerics.Solvers;

namespace Idl.Client.Commands;

/// <summary>The LP attack of <c>idl attack --method lp</c> over the samples of a data set, one LP per sample, in this process.</summary>
internal static class LpAttackJob
{
    public static void Run(CliOutput output, ImplicitModel<double> model, Dataset data, LpAttack attack, double[] lower, double[] upper,
        IEquilibriumSolver solver, string? folder, ModelMetadata metadata, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var progress = output.Progress("lp", data.SampleCount);
        int correct = 0, flipped = 0, certified = 0, written = 0, unsolved = 0;
        for (int s = 0; s < data.SampleCount; s++)
        {
            cancel.ThrowIfCancellationRequested();
            var u0 = data.Features(s).ToArray().Select(v => (double)v).ToArray();
            int label = data.Labels[s];
            LpAttackResult r;
            try
            {
                r = attack.Attack(model, u0, label, lower, upper, solver);
            }
            catch (Idl.Numerics.Robustness.BoundUnavailableException e)
            {
                // One LP the solver cannot finish must not discard the others; the count is reported.
                unsolved++;
                output.Info($"sample {s}: {e.Message}");
                continue;
            }
            if (r.CleanPrediction == label)
            {
                correct++;
                flipped += r.Flipped ? 1 : 0;
                certified += attack.Objective == LpAttackObjective.Margin && r.Bound < 0 ? 1 : 0;
            }
            if (folder is not null && r.Flipped && written < 3)
            {
                written++;
                var changed = u0.Select((v, j) => Math.Abs(r.Input[j] - v) > 1e-9).ToArray();
                AttackImages.Write(folder, "lp", new AttackedSample(s, label, r.CleanPrediction, r.AttackedPrediction, u0, r.Input, changed), metadata);
            }
            progress.Update(s + 1, $"{flipped} flipped");
        }
        var o = new JsonObject
        {
            ["method"] = "lp", ["objective"] = attack.Objective.ToString().ToLowerInvariant(), ["epsilon"] = attack.Epsilon,
            ["cardinality"] = attack.Cardinality, ["samples"] = data.SampleCount, ["clean_correct"] = correct, ["flipped"] = flipped,
            ["flip_fraction"] = Reports.Round(correct == 0 ? 0 : (double)flipped / correct),
            ["unsolved"] = unsolved, ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
        };
        if (attack.Objective == LpAttackObjective.Margin) o["certified_against_runner_up"] = certified;
        if (output.Json) output.WriteObject(o);
        else output.Result($"lp ({o["objective"]}) epsilon {attack.Epsilon}: flipped {flipped} of {correct} correctly classified ({(double)o["flip_fraction"]! * 100:F2}%){(attack.Objective == LpAttackObjective.Margin ? $"; {certified} certified against the runner-up class" : "")}; {o["seconds"]} s");
    }
}
