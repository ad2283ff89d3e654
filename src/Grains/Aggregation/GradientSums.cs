using System.Numerics;
using Idl.Grains.Contracts;
using Idl.Numerics.Training.Steps;

namespace Idl.Grains.Aggregation;

/// <summary>Feeds contributions' payloads, read in place, into a <see cref="GradientSum{T}"/>: the only adapter between
/// the wire records and the one gradient sum.</summary>
internal static class GradientSums
{
    /// <summary>A fresh sum of <paramref name="parts"/> (at least one), shaped by the first part.</summary>
    /// <exception cref="ArgumentException">The parts differ in shape or in which biases they carry.</exception>
    public static GradientSum<T> Of<T>(IReadOnlyList<ShardContribution> parts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var head = parts[0];
        var sum = new GradientSum<T>(head.A.Rows, head.B.Cols, head.C.Rows, head.StateBias is not null, head.OutputBias is not null);
        AddAll(sum, parts);
        return sum;
    }

    /// <summary>Clears <paramref name="sum"/> and adds <paramref name="parts"/> in the order given.</summary>
    /// <exception cref="ArgumentException">A part's shape differs from the sum's; the message names the shard.</exception>
    public static void AddAll<T>(GradientSum<T> sum, IReadOnlyList<ShardContribution> parts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        sum.Clear();
        foreach (var c in parts)
        {
            if ((c.StateBias is null) != (sum.StateBias is null) || (c.OutputBias is null) != (sum.OutputBias is null))
                throw new ArgumentException($"The biases of shard {c.Shard}'s contribution differ from the model's.");
            var view = new GradientView<T>(c.A.AsSpan<T>(), c.B.AsSpan<T>(), c.C.AsSpan<T>(), c.D.AsSpan<T>(),
                c.StateBias is { } b ? b.AsSpan<T>() : default, c.OutputBias is { } o ? o.AsSpan<T>() : default);
            sum.Add(view, c.Count, c.LossSum, $"shard {c.Shard}");
        }
    }
}
