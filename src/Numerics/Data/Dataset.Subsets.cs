using System.Numerics;

namespace Idl.Numerics.Data;

public sealed partial class Dataset
{
    /// <summary>The samples at <paramref name="indices"/>, in that order (repeats allowed), as a new data set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0..m−1.</exception>
    public Dataset Subset(ReadOnlySpan<int> indices, string? name = null)
    {
        int p = FeatureCount, q = OutputCount;
        var inputs = new float[(long)indices.Length * p];
        var labels = _labels is null ? null : new int[indices.Length];
        var targets = _targets is null ? null : new float[(long)indices.Length * q];
        for (int k = 0; k < indices.Length; k++)
        {
            int i = CheckIndex(indices[k]);
            _inputs.AsSpan(i * p, p).CopyTo(inputs.AsSpan(k * p, p));
            if (labels is not null) labels[k] = _labels![i];
            if (targets is not null) _targets!.AsSpan(i * q, q).CopyTo(targets.AsSpan(k * q, q));
        }
        return new Dataset(name ?? Name, Description, Task, inputs, p, labels, targets, q, FeatureNames) { ClassNames = ClassNames };
    }

    /// <summary>Samples [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    public Dataset Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if ((long)start + count > SampleCount)
            throw new ArgumentOutOfRangeException(nameof(count), Invariant(
                $"Range [{start}, {(long)start + count}) is beyond the {SampleCount} samples of '{Name}'."));
        return Subset(Enumerable.Range(start, count).ToArray());
    }

    /// <summary>Builds a batch in the model's layout (p×b inputs, q×b targets) from the given samples.</summary>
    /// <typeparam name="T">float or double; the stored float32 values are widened or copied.</typeparam>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0..m−1.</exception>
    public MiniBatch<T> Batch<T>(ReadOnlySpan<int> indices) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int p = FeatureCount, q = OutputCount, b = indices.Length;
        var u = new Matrix<T>(p, b);
        var y = new Matrix<T>(q, b);
        var labels = _labels is null ? null : new int[b];
        var idx = indices.ToArray();
        for (int k = 0; k < b; k++)
        {
            int i = CheckIndex(idx[k]);
            var row = _inputs.AsSpan(i * p, p);
            for (int f = 0; f < p; f++) u.Data[f * b + k] = T.CreateTruncating(row[f]);
            if (labels is not null)
            {
                labels[k] = _labels![i];
                y.Data[labels[k] * b + k] = T.One;
            }
            else
            {
                var t = _targets!.AsSpan(i * q, q);
                for (int o = 0; o < q; o++) y.Data[o * b + k] = T.CreateTruncating(t[o]);
            }
        }
        return new MiniBatch<T>(u, y, idx, labels);
    }

    /// <summary>All samples as one batch in the model's layout.</summary>
    public MiniBatch<T> All<T>() where T : unmanaged, IFloatingPointIeee754<T> =>
        Batch<T>(Enumerable.Range(0, SampleCount).ToArray());

    /// <summary>How many samples carry each label (classification only).</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassCount];
        foreach (int label in Labels) counts[label]++;
        return counts;
    }

    /// <summary>A copy with the same targets and new inputs (same shape), for transforms such as standardisation.</summary>
    internal Dataset WithInputs(float[] inputs) =>
        new(Name, Description, Task, inputs, FeatureCount, _labels, _targets, OutputCount, FeatureNames) { ClassNames = ClassNames };

    /// <summary>A copy with the same inputs and new regression targets (same shape).</summary>
    internal Dataset WithTargets(float[] targets) =>
        new(Name, Description, Task, _inputs, FeatureCount, _labels, targets, OutputCount, FeatureNames) { ClassNames = ClassNames };

    /// <summary>A copy with a new name and description.</summary>
    public Dataset WithName(string name, string? description = null) =>
        new(name, description ?? Description, Task, _inputs, FeatureCount, _labels, _targets, OutputCount, FeatureNames) { ClassNames = ClassNames };
}
