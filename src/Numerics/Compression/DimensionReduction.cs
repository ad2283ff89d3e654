using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;

namespace Idl.Numerics.Compression;

/// <summary>
/// Dimension reduction (§5.2) by removing states that cannot matter, until none is left:
/// a state whose column of (A; C) is zero is read by nothing; a state whose row of (A, B) is zero is the constant
/// φᵢ(bᵢ), which is folded into the biases of the states and outputs that read it. The smaller model has the same
/// predictions. Only states under componentwise activations are removed (a softmax block stays whole).
/// </summary>
public static class DimensionReduction
{
    /// <summary>Returns the reduced model and, for each of its states, the index of that state in the original.</summary>
    public static (ImplicitModel<T> Model, int[] Kept) DropDeadStates<T>(ImplicitModel<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        var current = model;
        var kept = Enumerable.Range(0, model.StateSize).ToArray();
        while (true)
        {
            var activation = PerState(current.Activation);
            int dead = Enumerable.Range(0, current.StateSize).FirstOrDefault(i => activation[i].IsComponentwise && (Unread(current, i) || Constant(current, i)), -1);
            if (dead < 0) return (current, kept);
            current = Remove(current, dead, activation);
            kept = kept.Where((_, k) => k != dead).ToArray();
        }
    }

    private static bool Unread<T>(ImplicitModel<T> m, int i) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < m.StateSize; k++) if (!T.IsZero(m.A[k, i])) return false;
        for (int k = 0; k < m.OutputSize; k++) if (!T.IsZero(m.C[k, i])) return false;
        return true;
    }

    private static bool Constant<T>(ImplicitModel<T> m, int i) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var v in m.A.Row(i)) if (!T.IsZero(v)) return false;
        foreach (var v in m.B.Row(i)) if (!T.IsZero(v)) return false;
        return true;
    }

    private static ImplicitModel<T> Remove<T>(ImplicitModel<T> m, int dead, Activation[] activation) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = m.StateSize;
        var stateBias = (T[]?)m.StateBias?.Clone();
        var outputBias = (T[]?)m.OutputBias?.Clone();
        if (Constant(m, dead))
        {
            // xᵢ = φᵢ(bᵢ) for every input; its contribution A[:,i]xᵢ and C[:,i]xᵢ becomes bias.
            var value = new T[] { m.StateBias?[dead] ?? T.Zero };
            activation[dead].Forward<T>(value, value, 1, 1);
            if (!T.IsZero(value[0]))
            {
                stateBias ??= new T[n];
                outputBias ??= new T[m.OutputSize];
                for (int k = 0; k < n; k++) stateBias[k] += m.A[k, dead] * value[0];
                for (int k = 0; k < m.OutputSize; k++) outputBias[k] += m.C[k, dead] * value[0];
            }
        }
        var keep = Enumerable.Range(0, n).Where(i => i != dead).ToArray();
        var a = new Matrix<T>(keep.Length, keep.Length);
        var b = new Matrix<T>(keep.Length, m.InputSize);
        var c = new Matrix<T>(m.OutputSize, keep.Length);
        for (int r = 0; r < keep.Length; r++)
        {
            for (int s = 0; s < keep.Length; s++) a[r, s] = m.A[keep[r], keep[s]];
            m.B.Row(keep[r]).CopyTo(b.Row(r));
            for (int o = 0; o < m.OutputSize; o++) c[o, r] = m.C[o, keep[r]];
        }
        return new ImplicitModel<T>(a, b, c, m.D.Clone(), Rebuild(keep, activation),
            stateBias is null ? null : keep.Select(i => stateBias[i]).ToArray(), outputBias);
    }

    private static ActivationMap Rebuild(int[] keep, Activation[] activation)
    {
        // Block activations are never removed, so their rows stay contiguous; merging by name restores each segment.
        var segments = new List<ActivationSegment>();
        int r = 0;
        while (r < keep.Length)
        {
            var act = activation[keep[r]];
            int len = act.IsComponentwise ? 1 : act.BlockSize;
            segments.Add(new ActivationSegment(r, len, act));
            r += len;
        }
        return ActivationMap.FromSegments(segments);
    }

    private static Activation[] PerState(ActivationMap map)
    {
        var a = new Activation[map.Size];
        foreach (var s in map.Segments)
            for (int i = s.Offset; i < s.Offset + s.Length; i++) a[i] = s.Activation;
        return a;
    }
}
