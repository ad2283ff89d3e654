using System.Numerics;
using System.Text.Json.Nodes;
using Idl.Numerics.Data;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;

namespace Idl.Client.Commands;

/// <summary>Counts of (true class, predicted class) for <c>evaluate --json</c>, keyed by class name when the model
/// stores names (text labels), else by class number.</summary>
internal static class ConfusionTable
{
    /// <summary><c>{"true class": {"predicted class": count, ...}, ...}</c>, every class a row and a column.</summary>
    public static JsonObject Compute<T>(StructuredModel<T> model, Dataset data, IEquilibriumSolver solver, IReadOnlyList<string> names)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = model.OutputSize;
        var counts = new long[k, k];
        for (int start = 0; start < data.SampleCount; start += 1024)
        {
            int count = Math.Min(1024, data.SampleCount - start);
            var batch = data.Batch<T>(Enumerable.Range(start, count).ToArray());
            var scores = model.Predict(batch.U, solver).Output;
            for (int j = 0; j < count; j++)
            {
                int best = 0;
                for (int i = 1; i < k; i++)
                    if (scores[i, j] > scores[best, j]) best = i;
                counts[batch.Labels![j], best]++;
            }
        }
        string Name(int c) => c < names.Count ? names[c] : c.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var table = new JsonObject();
        for (int t = 0; t < k; t++)
        {
            var row = new JsonObject();
            for (int p = 0; p < k; p++) row[Name(p)] = counts[t, p];
            table[Name(t)] = row;
        }
        return table;
    }
}
