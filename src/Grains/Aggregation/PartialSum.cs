using System.Numerics;
using Idl.Grains.Contracts;
using Idl.Numerics.Training.Steps;

namespace Idl.Grains.Aggregation;

/// <summary>One aggregation stage's answer: the sum of its children's contributions in the order given, by the same
/// <see cref="GradientSum{T}"/> the coordinator and the single process use, into fresh arrays that the returned payloads
/// take over. Counts, losses and solver statistics add up; residuals keep their maximum.</summary>
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
        int correct = 0, shards = 0;
        foreach (var c in parts)
        {
            (fi, bi, nc, sec) = (fi + c.Stats.ForwardIterations, bi + c.Stats.BackwardIterations, nc + c.Stats.NonConverged, sec + c.Stats.ComputeSeconds);
            (fr, br) = (Math.Max(fr, c.Stats.ForwardResidual), Math.Max(br, c.Stats.BackwardResidual));
            (correct, shards) = (correct + c.Correct, shards + c.Shards);
        }
        var sum = GradientSums.Of<T>(parts);
        return new ShardContribution(first, step,
            MatrixPayload.Wrap(sum.A), MatrixPayload.Wrap(sum.B), MatrixPayload.Wrap(sum.C), MatrixPayload.Wrap(sum.D),
            sum.StateBias is { } b ? MatrixPayload.Wrap(1, b.Length, b) : null,
            sum.OutputBias is { } o ? MatrixPayload.Wrap(1, o.Length, o) : null,
            sum.LossSum, (int)sum.Count, correct, new SolveStats(fi, bi, fr, br, nc, sec), shards);
    }
}
