using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Training.Steps;

/// <summary>
/// The one sum of gradient contributions: parts (each the gradient SUM of a sum-reduced loss over its samples) are
/// added in the order given — the first copied, the rest added in place — and <see cref="ToMean"/> divides by the
/// sample count, which gives the gradient of the mean-reduced loss over the union of the parts. The single-process
/// trainer (one part), the coordinator (one part per shard or stage) and the aggregation stages all sum here, so a
/// run rounds the same on every path. Buffers are kept across steps; <see cref="Clear"/> starts a new sum.
/// </summary>
public sealed class GradientSum<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>An empty sum for a model with n states, p inputs, q outputs and the given biases.</summary>
    public GradientSum(int n, int p, int q, bool stateBias, bool outputBias)
    {
        (A, B, C, D) = (new Matrix<T>(n, n), new Matrix<T>(n, p), new Matrix<T>(q, n), new Matrix<T>(q, p));
        StateBias = stateBias ? new T[n] : null;
        OutputBias = outputBias ? new T[q] : null;
    }

    /// <summary>Σ∇A, or the mean after <see cref="ToMean"/>.</summary>
    public Matrix<T> A { get; }

    /// <summary>Σ∇B.</summary>
    public Matrix<T> B { get; }

    /// <summary>Σ∇C.</summary>
    public Matrix<T> C { get; }

    /// <summary>Σ∇D.</summary>
    public Matrix<T> D { get; }

    /// <summary>Σ∇b, or null.</summary>
    public T[]? StateBias { get; }

    /// <summary>Σ∇c, or null.</summary>
    public T[]? OutputBias { get; }

    /// <summary>Samples summed since the last <see cref="Clear"/>.</summary>
    public long Count { get; private set; }

    /// <summary>Loss summed since the last <see cref="Clear"/>.</summary>
    public double LossSum { get; private set; }

    /// <summary>Parts added since the last <see cref="Clear"/>.</summary>
    public int Parts { get; private set; }

    /// <summary>Whether the buffers have the shape of a model with these sizes and biases.</summary>
    public bool Fits(int n, int p, int q, bool stateBias, bool outputBias) =>
        A.Rows == n && B.Cols == p && C.Rows == q && (StateBias is not null) == stateBias && (OutputBias is not null) == outputBias;

    /// <summary>Starts a new sum (the buffers are overwritten by the next part, not zeroed).</summary>
    public void Clear() => (Count, LossSum, Parts) = (0, 0, 0);

    /// <summary>Adds one part's sums over <paramref name="count"/> samples.</summary>
    /// <param name="part">The part's gradient sums.</param>
    /// <param name="count">Its sample count, at least 0.</param>
    /// <param name="lossSum">Its summed loss.</param>
    /// <param name="name">Names the part in errors (e.g. <c>shard 3</c>).</param>
    /// <exception cref="ArgumentException">A span's length differs from the model's; the message names the part and tensor.</exception>
    public void Add(GradientView<T> part, long count, double lossSum, string name = "part")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Check(part.A, A.Length, "A", name); Check(part.B, B.Length, "B", name);
        Check(part.C, C.Length, "C", name); Check(part.D, D.Length, "D", name);
        Check(part.StateBias, StateBias?.Length ?? 0, "state bias", name); Check(part.OutputBias, OutputBias?.Length ?? 0, "output bias", name);
        bool first = Parts == 0;
        Accumulate(A.Data, part.A, first); Accumulate(B.Data, part.B, first);
        Accumulate(C.Data, part.C, first); Accumulate(D.Data, part.D, first);
        if (StateBias is { } b) Accumulate(b, part.StateBias, first);
        if (OutputBias is { } c) Accumulate(c, part.OutputBias, first);
        (Count, LossSum, Parts) = (Count + count, LossSum + lossSum, Parts + 1);
    }

    /// <summary>Divides every sum by <see cref="Count"/> in place (the mean-reduced gradient); returns the mean loss.</summary>
    /// <exception cref="InvalidOperationException">No samples were added.</exception>
    public double ToMean()
    {
        if (Count == 0) throw new InvalidOperationException("No samples were accumulated; there is no mean gradient.");
        T inv = T.One / T.CreateTruncating(Count);
        foreach (var span in new[] { A.Data, B.Data, C.Data, D.Data, StateBias ?? [], OutputBias ?? [] })
            VectorLoops.Scale<T>(span, inv, span);
        return LossSum / Count;
    }

    private static void Accumulate(Span<T> sum, ReadOnlySpan<T> part, bool first)
    {
        if (first) part.CopyTo(sum);
        else VectorLoops.Add(sum, part);
    }

    private static void Check(ReadOnlySpan<T> span, int expected, string tensor, string name)
    {
        if (span.Length != expected)
            throw new ArgumentException($"The {tensor} gradient of {name} has {span.Length} entries but the model needs {expected}.");
    }
}
