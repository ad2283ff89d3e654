using Idl.Client.Output;
using Idl.Numerics.Data;

namespace Idl.Client.Commands;

/// <summary>Which classes the training split holds: a classifier trained on one class reports a meaningless
/// accuracy, and a class missing from training can never be predicted.</summary>
internal static class ClassCoverage
{
    /// <exception cref="DataFormatException">Fewer than two classes appear in the training split.</exception>
    public static void Check(Dataset train, Dataset? test, string dataSpec, CliOutput output)
    {
        if (train.Task != DataTask.Classification) return;
        var present = Present(train);
        if (present.Count < 2)
            throw new DataFormatException(dataSpec, null, null,
                $"the training split holds only class {string.Join(", ", present.Select(c => Name(train, c)))} ({train.SampleCount} samples); "
                + "classification needs at least two classes (use --task regression for a real-valued target).");
        if (test is null) return;
        var missing = Present(test).Where(c => !present.Contains(c)).ToArray();
        if (missing.Length > 0)
            output.Info($"warning: class {string.Join(", ", missing.Select(c => Name(train, c)))} appears in the test split but not in the training split; the model can never predict it.");
    }

    private static HashSet<int> Present(Dataset data)
    {
        var set = new HashSet<int>();
        foreach (int label in data.Labels) set.Add(label);
        return set;
    }

    private static string Name(Dataset data, int c) => data.ClassNames is { } names ? $"'{names[c]}'" : c.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
