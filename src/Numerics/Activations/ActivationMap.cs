using System.Numerics;
using Idl.Numerics.Kernels;

namespace Idl.Numerics.Activations;

/// <summary>
/// The activation map φ of an implicit model (§2.1): consecutive segments of state rows, each under one
/// <see cref="Activation"/>. A model built by composition (§2.4) or from a feed-forward network (§3.2) has one
/// segment per part.
/// </summary>
public sealed class ActivationMap
{
    private ActivationMap(IReadOnlyList<ActivationSegment> segments, int size)
    {
        Segments = segments;
        Size = size;
    }

    /// <summary>The segments, in row order, covering [0, <see cref="Size"/>).</summary>
    public IReadOnlyList<ActivationSegment> Segments { get; }

    /// <summary>The state dimension n.</summary>
    public int Size { get; }

    /// <summary>Whether every segment acts componentwise.</summary>
    public bool IsComponentwise => Segments.All(s => s.Activation.IsComponentwise);

    /// <summary>Whether the map is CONE (eq. 2.1): componentwise and every γ ≤ 1.</summary>
    public bool IsCone => Segments.All(s => s.Activation.IsComponentwise && s.Activation.Lipschitz <= 1.0);

    /// <summary>Whether every segment is positively homogeneous (needed by the rescaling of §2.5).</summary>
    public bool IsPositivelyHomogeneous => Segments.All(s => s.Activation.IsPositivelyHomogeneous);

    /// <summary>A map applying <paramref name="activation"/> to all <paramref name="size"/> rows.</summary>
    /// <exception cref="ArgumentException">The size is not a whole number of the activation's blocks.</exception>
    public static ActivationMap Uniform(Activation activation, int size)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return FromSegments([new ActivationSegment(0, size, activation)]);
    }

    /// <summary>Stacks maps: the first acts on the first rows, and so on (the φ of eq. 3.2 and of §2.4's compositions).</summary>
    public static ActivationMap Concat(params ActivationMap[] parts)
    {
        var segments = new List<ActivationSegment>();
        int offset = 0;
        foreach (var part in parts)
        {
            foreach (var s in part.Segments) segments.Add(s with { Offset = offset + s.Offset });
            offset += part.Size;
        }
        return FromSegments(segments);
    }

    /// <summary>Builds a map from explicit segments, merging adjacent segments with the same activation.</summary>
    /// <exception cref="ArgumentException">Segments leave gaps, overlap, or split a block.</exception>
    public static ActivationMap FromSegments(IEnumerable<ActivationSegment> segments)
    {
        var merged = new List<ActivationSegment>();
        int next = 0;
        foreach (var s in segments)
        {
            if (s.Offset != next)
                throw new ArgumentException($"Activation segment at row {s.Offset} does not start where the previous ends ({next}).", nameof(segments));
            if (s.Length % s.Activation.BlockSize != 0)
                throw new ArgumentException(
                    $"Segment of {s.Length} rows at row {s.Offset} is not a whole number of {s.Activation.Name} blocks of {s.Activation.BlockSize}.",
                    nameof(segments));
            next += s.Length;
            if (s.Length == 0) continue;
            if (merged.Count > 0 && merged[^1].Activation.Name == s.Activation.Name)
                merged[^1] = merged[^1] with { Length = merged[^1].Length + s.Length };
            else
                merged.Add(s);
        }
        return new ActivationMap(merged, next);
    }

    /// <summary>The BLIP partition (nₗ, γₗ, pₗ) used to build N(A, γ) (eq. 2.4).</summary>
    public IEnumerable<BlipBlock> Blocks()
    {
        foreach (var s in Segments)
        {
            int size = s.Activation.BlockSize;
            for (int r = s.Offset; r < s.Offset + s.Length; r += size)
                yield return new BlipBlock(r, size, s.Activation.Lipschitz, s.Activation.NormP);
        }
    }

    /// <summary>X = φ(Z), column by column; <paramref name="x"/> may be <paramref name="z"/>.</summary>
    public void Forward<T>(Matrix<T> z, Matrix<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckRows(z, nameof(z));
        Guard.SameShape(z, x, nameof(x));
        int m = z.Cols;
        foreach (var s in Segments)
            s.Activation.Forward<T>(z.Data.AsSpan(s.Offset * m, s.Length * m), x.Data.AsSpan(s.Offset * m, s.Length * m), s.Length, m);
    }

    /// <summary>One fused forward step X′ = φ(A·X + BU) (eq. 2.6) into <paramref name="result"/> (not aliasing X).</summary>
    public void ForwardStep<T>(Matrix<T> a, Matrix<T> x, Matrix<T> bu, Matrix<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Segments.Count == 1)
        {
            Segments[0].Activation.ForwardStep(a, x, bu, result);
            return;
        }
        Gemm.Multiply(a, false, x, false, result, default(AddEpilogue<T>), bu);
        Forward(result, result);
    }

    /// <summary>Result = J(Z)ᵀW at the point whose output is X; <paramref name="result"/> may be <paramref name="w"/>.</summary>
    public void Backward<T>(Matrix<T> x, Matrix<T> w, Matrix<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckRows(x, nameof(x));
        Guard.SameShape(x, w, nameof(w));
        Guard.SameShape(x, result, nameof(result));
        int m = x.Cols;
        foreach (var s in Segments)
        {
            var range = (s.Offset * m, s.Length * m);
            s.Activation.Backward<T>(x.Data.AsSpan(range.Item1, range.Item2), w.Data.AsSpan(range.Item1, range.Item2),
                result.Data.AsSpan(range.Item1, range.Item2), s.Length, m);
        }
    }

    /// <summary>Ψ = φ′(Z) entrywise from X, when every segment is componentwise; false otherwise.</summary>
    public bool TryDerivative<T>(Matrix<T> x, Matrix<T> psi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!IsComponentwise) return false;
        CheckRows(x, nameof(x));
        Guard.SameShape(x, psi, nameof(psi));
        int m = x.Cols;
        foreach (var s in Segments)
            s.Activation.Derivative<T>(x.Data.AsSpan(s.Offset * m, s.Length * m), psi.Data.AsSpan(s.Offset * m, s.Length * m));
        return true;
    }

    /// <summary>A readable description, e.g. <c>relu[0..64)</c>.</summary>
    public override string ToString() =>
        Segments.Count == 1 ? Segments[0].Activation.Name
            : string.Join(", ", Segments.Select(s => $"{s.Activation.Name}[{s.Offset}..{s.Offset + s.Length})"));

    private void CheckRows<T>(Matrix<T> m, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m.Rows != Size)
            throw new ArgumentException($"{name} has {m.Rows} rows ({m.Shape}) but the activation map covers {Size}.", name);
    }
}
