using System.Numerics;

namespace Idl.Numerics.Training;

/// <summary>
/// Sums per-part gradient contributions (gradient SUMS of a sum-reduced loss over each part's samples) and turns
/// them into the mean gradient Σ_k ∇_k / Σ_k m_k, which equals the gradient of the mean-reduced loss over the union
/// of the parts. Each part counts at most once, so a retried contribution cannot be counted twice.
/// </summary>
public sealed class GradientAccumulator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly HashSet<int> _parts = [];

    /// <summary>An empty accumulator for a model with n states, p inputs, q outputs and the given biases.</summary>
    public GradientAccumulator(int n, int p, int q, bool stateBias, bool outputBias)
    {
        (A, B, C, D) = (new Matrix<T>(n, n), new Matrix<T>(n, p), new Matrix<T>(q, n), new Matrix<T>(q, p));
        StateBias = stateBias ? new T[n] : null;
        OutputBias = outputBias ? new T[q] : null;
    }

    /// <summary>Σ∇A (or the mean after <see cref="Average"/>).</summary>
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

    /// <summary>Samples summed so far.</summary>
    public long Count { get; private set; }

    /// <summary>Loss summed so far.</summary>
    public double LossSum { get; private set; }

    /// <summary>Parts added so far.</summary>
    public int Parts => _parts.Count;

    /// <summary>Whether part <paramref name="part"/> was added.</summary>
    public bool Contains(int part) => _parts.Contains(part);

    /// <summary>Adds part <paramref name="part"/>'s sums; returns false (and adds nothing) when it was added before.</summary>
    /// <exception cref="ArgumentException">A length differs from the accumulator's.</exception>
    public bool Add(int part, ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c, ReadOnlySpan<T> d,
        ReadOnlySpan<T> stateBias, ReadOnlySpan<T> outputBias, long count, double lossSum)
    {
        Check(a, A.Length, "A"); Check(b, B.Length, "B"); Check(c, C.Length, "C"); Check(d, D.Length, "D");
        Check(stateBias, StateBias?.Length ?? 0, "state bias"); Check(outputBias, OutputBias?.Length ?? 0, "output bias");
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!_parts.Add(part)) return false;
        AddTo(A.Span, a); AddTo(B.Span, b); AddTo(C.Span, c); AddTo(D.Span, d);
        if (StateBias is not null) AddTo(StateBias, stateBias);
        if (OutputBias is not null) AddTo(OutputBias, outputBias);
        (Count, LossSum) = (Count + count, LossSum + lossSum);
        return true;
    }

    /// <summary>Divides every sum by <see cref="Count"/> in place (the mean-reduced gradient); returns the mean loss.</summary>
    /// <exception cref="InvalidOperationException">No samples were added.</exception>
    public double Average()
    {
        if (Count == 0) throw new InvalidOperationException("No samples were accumulated; there is no mean gradient.");
        T inv = T.One / T.CreateTruncating(Count);
        foreach (var span in new[] { A.Data, B.Data, C.Data, D.Data, StateBias ?? [], OutputBias ?? [] })
            for (int i = 0; i < span.Length; i++) span[i] *= inv;
        return LossSum / Count;
    }

    private static void AddTo(Span<T> sum, ReadOnlySpan<T> part)
    {
        for (int i = 0; i < sum.Length; i++) sum[i] += part[i];
    }

    private static void Check(ReadOnlySpan<T> span, int expected, string name)
    {
        if (span.Length != expected)
            throw new ArgumentException($"The {name} contribution has {span.Length} entries but the accumulator holds {expected}.");
    }
}
