using System.Diagnostics;
using System.Text.Json.Nodes;
using Idl.Client.Output;
using Idl.Numerics;
using Idl.Numerics.Attacks;
using Idl.Numerics.Data;
using Idl.Numerics.Models;
using Idl.Numerics.Robustness;
using Idl.Numerics.Solvers;

namespace Idl.Client.Commands;

/// <summary>Accuracy, prediction time and the Theorem 5.1 bound of a compressed model against its source.</summary>
internal sealed class CompressionCheck(ImplicitModel<double> original, Dataset data, IEquilibriumSolver solver, int boundSamples)
{
    private readonly Lazy<MiniBatch<double>> _boundBatch = new(() => data.Batch<double>(Enumerable.Range(0, boundSamples).ToArray()));

    /// <summary>Accuracy (classification) or RMSE and the wall time of predicting the whole data set with A in its stored form.</summary>
    public JsonObject Measure(StructuredModel<double> model)
    {
        var clock = Stopwatch.StartNew();
        long correct = 0, iterations = 0, batches = 0;
        double squared = 0;
        for (int start = 0; start < data.SampleCount; start += 1000)
        {
            var batch = data.Batch<double>(Enumerable.Range(start, Math.Min(1000, data.SampleCount - start)).ToArray());
            var p = model.Predict(batch.U, solver);
            iterations += p.Equilibrium.Iterations;
            batches++;
            if (batch.Labels is { } labels) correct += Numerics.Training.Evaluation.CountCorrect(p.Output, labels);
            else for (int i = 0; i < batch.Y.Length; i++) squared += Math.Pow(batch.Y.Data[i] - p.Output.Data[i], 2);
        }
        var o = new JsonObject { ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3), ["iterations_mean"] = Math.Round((double)iterations / Math.Max(1, batches), 1) };
        if (data.Task == DataTask.Classification) o["accuracy"] = Reports.Round((double)correct / data.SampleCount);
        else o["rmse"] = Reports.Round(Math.Sqrt(squared / ((double)data.SampleCount * data.OutputCount)));
        return o;
    }

    /// <summary>x̄ⱼ = mean |xⱼ| over the bound samples, for sensitivity pruning.</summary>
    public double[] MeanAbsState()
    {
        var x = original.Predict(_boundBatch.Value.U, solver).State;
        return Enumerable.Range(0, x.Rows).Select(i => { double s = 0; foreach (double v in x.Row(i)) s += Math.Abs(v); return s / x.Cols; }).ToArray();
    }

    /// <summary>Adds the Theorem 5.1 bound on the bound samples: its largest value, the measured change, and how many predictions it certifies.</summary>
    public void AddBound(JsonObject o, ImplicitModel<double> compressed)
    {
        var u = _boundBatch.Value.U;
        var approx = compressed.Predict(u, solver);
        var y = original.Predict(u, solver).Output;
        // A relative tolerance of 1e-6 keeps the iteration short; the tail correction keeps the result an upper bound.
        var stateBound = ModelErrorBound.State(original.A, compressed.A, approx.State, new NonnegativeFixedPoint(Tolerance: 1e-6));
        var yBound = ModelErrorBound.Output(original.C, stateBound);
        double measured = 0;
        for (int i = 0; i < y.Length; i++) measured = Math.Max(measured, Math.Abs(y.Data[i] - approx.Output.Data[i]));
        int certified = 0;
        var top = AttackRunner.ArgMax(approx.Output);
        for (int s = 0; s < u.Cols; s++)
        {
            bool safe = true;
            for (int i = 0; i < y.Rows && safe; i++)
                if (i != top[s]) safe = approx.Output[top[s], s] - yBound[top[s], s] > approx.Output[i, s] + yBound[i, s];
            certified += safe ? 1 : 0;
        }
        o["bound"] = new JsonObject
        {
            ["samples"] = u.Cols,
            ["max_state_bound"] = Reports.Round(stateBound.Data.Max()),
            ["max_output_bound"] = Reports.Round(yBound.Data.Max()),
            ["mean_output_bound"] = Reports.Round(yBound.Data.Average()),
            ["max_output_change"] = Reports.Round(measured),
            ["certified_unchanged"] = Reports.Round((double)certified / u.Cols),
            ["error_frobenius_A"] = Reports.Round(Math.Sqrt(ModelErrorBound.Error(original.A, compressed.A).Data.Sum(v => v * v))),
        };
    }
}
