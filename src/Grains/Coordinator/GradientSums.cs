using System.Numerics;
using Idl.Grains.Aggregation;
using Idl.Grains.Contracts;
using Idl.Numerics;

namespace Idl.Grains.Coordinator;

/// <summary>
/// The coordinator's sum of one step's shard contributions, read in place from their payloads into buffers kept
/// across steps, then scaled to the mean gradient. Adds in the order given (shard order), so the sums round exactly
/// as <see cref="Numerics.Training.GradientAccumulator{T}"/>'s do; with one shard the copy and the scaling are one pass.
/// With an aggregation tree the parts are the stages' partial sums (<see cref="PartialSum"/>), in order of their
/// first shard. Idempotency per (step, part) is the caller's: it adds each pending contribution once.
/// </summary>
internal sealed class GradientSums<T>(int n, int p, int q, bool stateBias, bool outputBias) where T : unmanaged, IFloatingPointIeee754<T>
{
    public Matrix<T> A { get; } = new(n, n);

    public Matrix<T> B { get; } = new(n, p);

    public Matrix<T> C { get; } = new(q, n);

    public Matrix<T> D { get; } = new(q, p);

    public T[]? StateBias { get; } = stateBias ? new T[n] : null;

    public T[]? OutputBias { get; } = outputBias ? new T[q] : null;

    public bool Fits(int n2, int p2, int q2, bool b, bool c) =>
        A.Rows == n2 && B.Cols == p2 && C.Rows == q2 && (StateBias is not null) == b && (OutputBias is not null) == c;

    /// <summary>Overwrites the buffers with the mean Σ_k ∇_k / Σ_k m_k of <paramref name="parts"/> (in order).</summary>
    /// <exception cref="ArgumentException">A contribution's shape differs from the model's.</exception>
    /// <exception cref="InvalidOperationException">The parts hold no samples.</exception>
    public void Mean(IReadOnlyList<ShardContribution> parts)
    {
        long count = 0;
        foreach (var c in parts) count += c.Count;
        if (count == 0) throw new InvalidOperationException("No samples were accumulated; there is no mean gradient.");
        T inv = T.One / T.CreateTruncating(count);
        Combine(A.Data, parts, c => c.A, inv, "A");
        Combine(B.Data, parts, c => c.B, inv, "B");
        Combine(C.Data, parts, c => c.C, inv, "C");
        Combine(D.Data, parts, c => c.D, inv, "D");
        if (StateBias is { } b) Combine(b, parts, c => c.StateBias, inv, "state bias");
        if (OutputBias is { } o) Combine(o, parts, c => c.OutputBias, inv, "output bias");
    }

    private static void Combine(Span<T> sum, IReadOnlyList<ShardContribution> parts, Func<ShardContribution, MatrixPayload?> pick, T inv, string name)
    {
        for (int k = 0; k < parts.Count; k++)
        {
            var part = pick(parts[k]) is { } payload ? payload.AsSpan<T>() : default;
            if (part.Length != sum.Length)
                throw new ArgumentException($"The {name} contribution of shard {parts[k].Shard} has {part.Length} entries but the model needs {sum.Length}.");
            if (k == 0 && parts.Count == 1) VectorLoops.Scale(part, inv, sum);
            else if (k == 0) part.CopyTo(sum);
            else VectorLoops.Add(sum, part);
        }
        if (parts.Count > 1) VectorLoops.Scale<T>(sum, inv, sum);
    }
}
