using System.Numerics;
using Idl.Numerics.Gradients;

namespace Idl.Numerics.Training.Steps;

/// <summary>
/// One part's gradient sums as read-only spans (∇A, ∇B, ∇C, ∇D, ∇b, ∇c, row-major), wherever they live: a
/// <see cref="ModelGradient{T}"/> of this process, or the payloads a shard or an aggregation stage sent.
/// </summary>
public readonly ref struct GradientView<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Views the given spans; empty bias spans mean the model has no such bias.</summary>
    public GradientView(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c, ReadOnlySpan<T> d,
        ReadOnlySpan<T> stateBias, ReadOnlySpan<T> outputBias)
    {
        A = a;
        B = b;
        C = c;
        D = d;
        StateBias = stateBias;
        OutputBias = outputBias;
    }

    /// <summary>∇A.</summary>
    public ReadOnlySpan<T> A { get; }

    /// <summary>∇B.</summary>
    public ReadOnlySpan<T> B { get; }

    /// <summary>∇C.</summary>
    public ReadOnlySpan<T> C { get; }

    /// <summary>∇D.</summary>
    public ReadOnlySpan<T> D { get; }

    /// <summary>∇b, or empty.</summary>
    public ReadOnlySpan<T> StateBias { get; }

    /// <summary>∇c, or empty.</summary>
    public ReadOnlySpan<T> OutputBias { get; }

    /// <summary>Views the parameter gradients of <paramref name="gradient"/>.</summary>
    public static GradientView<T> Of(ModelGradient<T> gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return new(gradient.A.Data, gradient.B.Data, gradient.C.Data, gradient.D.Data, gradient.StateBias, gradient.OutputBias);
    }
}
