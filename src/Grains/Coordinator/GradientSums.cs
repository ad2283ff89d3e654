using System.Numerics;
using System.Runtime.InteropServices;
using Idl.Grains.Contracts;
using Idl.Numerics;

namespace Idl.Grains.Coordinator;

/// <summary>
/// The coordinator's sum of one step's shard contributions, read in place from their payloads into buffers kept
/// across steps, then scaled to the mean gradient. Adds in the order given (shard order), so the sums round exactly
/// as <see cref="Numerics.Training.GradientAccumulator{T}"/>'s do; with one shard the copy and the scaling are one pass.
/// Idempotency per (step, shard) is the caller's: it adds each pending contribution once.
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
            if (k == 0 && parts.Count == 1) Scale(part, inv, sum);
            else if (k == 0) part.CopyTo(sum);
            else Add(sum, part);
        }
        if (parts.Count > 1) Scale(sum, inv, sum);
    }

    // Plain vector loops: TensorPrimitives streams spans over 256 KiB past the cache that Adam reads next.
    private static void Scale(ReadOnlySpan<T> x, T s, Span<T> dest)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            var vs = new Vector<T>(s);
            var vx = MemoryMarshal.Cast<T, Vector<T>>(x);
            var vd = MemoryMarshal.Cast<T, Vector<T>>(dest);
            for (int j = 0; j < vx.Length; j++) vd[j] = vx[j] * vs;
            i = vx.Length * Vector<T>.Count;
        }
        for (; i < x.Length; i++) dest[i] = x[i] * s;
    }

    private static void Add(Span<T> sum, ReadOnlySpan<T> x)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            var vx = MemoryMarshal.Cast<T, Vector<T>>(x);
            var vs = MemoryMarshal.Cast<T, Vector<T>>(sum);
            for (int j = 0; j < vx.Length; j++) vs[j] += vx[j];
            i = vx.Length * Vector<T>.Count;
        }
        for (; i < x.Length; i++) sum[i] += x[i];
    }
}
