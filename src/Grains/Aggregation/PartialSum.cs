using System.Numerics;
using Idl.Grains.Contracts;

namespace Idl.Grains.Aggregation;

/// <summary>One aggregation stage's answer: the sum of its children's contributions, added in the order given (copy the
/// first, then add each in place, as <see cref="Coordinator.GradientSums{T}"/> does), into fresh arrays that the
/// returned payloads take over. Counts, losses and solver statistics add up; residuals keep their maximum.</summary>
internal static class PartialSum
{
    /// <summary>The sum of <paramref name="parts"/> (at least one) for step <paramref name="step"/>, reported as shard
    /// <paramref name="first"/>'s.</summary>
    /// <exception cref="ArgumentException">The parts differ in element type or shape.</exception>
    public static ShardContribution Of(IReadOnlyList<ShardContribution> parts, int first, long step)
    {
        if (parts.Count == 0) throw new ArgumentException("A stage needs at least one contribution to sum.", nameof(parts));
        return parts[0].A.Element == PayloadElement.Float32 ? Of<float>(parts, first, step) : Of<double>(parts, first, step);
    }

    private static ShardContribution Of<T>(IReadOnlyList<ShardContribution> parts, int first, long step) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (fi, bi, fr, br, nc, sec) = (0, 0, 0.0, 0.0, 0, 0.0);
        double loss = 0;
        int count = 0, correct = 0, shards = 0;
        foreach (var c in parts)
        {
            (fi, bi, nc, sec) = (fi + c.Stats.ForwardIterations, bi + c.Stats.BackwardIterations, nc + c.Stats.NonConverged, sec + c.Stats.ComputeSeconds);
            (fr, br) = (Math.Max(fr, c.Stats.ForwardResidual), Math.Max(br, c.Stats.BackwardResidual));
            (loss, count, correct, shards) = (loss + c.LossSum, count + c.Count, correct + c.Correct, shards + c.Shards);
        }
        return new ShardContribution(first, step,
            Sum<T>(parts, c => c.A, "A")!, Sum<T>(parts, c => c.B, "B")!, Sum<T>(parts, c => c.C, "C")!, Sum<T>(parts, c => c.D, "D")!,
            Sum<T>(parts, c => c.StateBias, "state bias"), Sum<T>(parts, c => c.OutputBias, "output bias"),
            loss, count, correct, new SolveStats(fi, bi, fr, br, nc, sec), shards);
    }

    private static MatrixPayload? Sum<T>(IReadOnlyList<ShardContribution> parts, Func<ShardContribution, MatrixPayload?> pick, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (pick(parts[0]) is not { } head)
        {
            if (parts.Any(c => pick(c) is not null)) throw new ArgumentException($"Some contributions have a {name} gradient and shard {parts[0].Shard}'s has none.");
            return null;
        }
        var sum = GC.AllocateUninitializedArray<T>(head.Rows * head.Cols);
        head.AsSpan<T>().CopyTo(sum);
        for (int k = 1; k < parts.Count; k++)
        {
            var part = pick(parts[k]);
            if (part is null || part.Rows != head.Rows || part.Cols != head.Cols)
                throw new ArgumentException($"The {name} contribution of shard {parts[k].Shard} is {part?.Rows ?? 0}x{part?.Cols ?? 0}, not {head.Rows}x{head.Cols} as shard {parts[0].Shard}'s.");
            VectorLoops.Add<T>(sum, part.AsSpan<T>());
        }
        return MatrixPayload.Wrap(head.Rows, head.Cols, sum);
    }
}
