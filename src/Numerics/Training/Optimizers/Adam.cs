using System.Numerics;

namespace Idl.Numerics.Training.Optimizers;

/// <summary>
/// Adam (Kingma and Ba): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m̂/(√v̂ + ε) with bias-corrected m̂, v̂;
/// the same arithmetic as PyTorch's <c>torch.optim.Adam</c>, so runs compare like for like.
/// </summary>
public sealed class Adam<T>(double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IOptimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dictionary<int, (T[] M, T[] V)> _state = [];
    private T _b1, _b2, _oneMinusB1, _oneMinusB2, _stepSize, _sqrtCorrection2, _eps;

    /// <inheritdoc />
    public void BeginStep(int step, double learningRate)
    {
        double c1 = 1 - Math.Pow(beta1, step), c2 = 1 - Math.Pow(beta2, step);
        (_b1, _b2) = (T.CreateTruncating(beta1), T.CreateTruncating(beta2));
        (_oneMinusB1, _oneMinusB2) = (T.CreateTruncating(1 - beta1), T.CreateTruncating(1 - beta2));
        _stepSize = T.CreateTruncating(learningRate / c1);
        _sqrtCorrection2 = T.CreateTruncating(Math.Sqrt(c2));
        _eps = T.CreateTruncating(epsilon);
    }

    /// <inheritdoc />
    public void Update(int slot, Span<T> parameter, ReadOnlySpan<T> gradient)
    {
        if (!_state.TryGetValue(slot, out var s) || s.M.Length != parameter.Length)
            _state[slot] = s = (new T[parameter.Length], new T[parameter.Length]);
        var m = s.M.AsSpan();
        var v = s.V.AsSpan();
        int i = 0, w = Vector<T>.Count;
        var b1 = new Vector<T>(_b1); var b2 = new Vector<T>(_b2);
        var ob1 = new Vector<T>(_oneMinusB1); var ob2 = new Vector<T>(_oneMinusB2);
        var step = new Vector<T>(_stepSize); var sc2 = new Vector<T>(_sqrtCorrection2); var eps = new Vector<T>(_eps);
        for (; i <= parameter.Length - w; i += w)
        {
            var g = new Vector<T>(gradient.Slice(i));
            var mv = b1 * new Vector<T>(m.Slice(i)) + ob1 * g;
            var vv = b2 * new Vector<T>(v.Slice(i)) + ob2 * g * g;
            mv.CopyTo(m.Slice(i));
            vv.CopyTo(v.Slice(i));
            (new Vector<T>(parameter.Slice(i)) - step * mv / (Vector.SquareRoot(vv) / sc2 + eps)).CopyTo(parameter.Slice(i));
        }
        for (; i < parameter.Length; i++)
        {
            T g = gradient[i];
            m[i] = _b1 * m[i] + _oneMinusB1 * g;
            v[i] = _b2 * v[i] + _oneMinusB2 * g * g;
            parameter[i] -= _stepSize * m[i] / (T.Sqrt(v[i]) / _sqrtCorrection2 + _eps);
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<int, T[][]> ExportState() =>
        _state.ToDictionary(kv => kv.Key, kv => new[] { (T[])kv.Value.M.Clone(), (T[])kv.Value.V.Clone() });

    /// <inheritdoc />
    public void ImportState(IReadOnlyDictionary<int, T[][]> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state.Clear();
        foreach (var (slot, arrays) in state)
        {
            if (arrays.Length != 2) throw new ArgumentException($"Adam slot {slot} needs the two moments m and v but has {arrays.Length} arrays.", nameof(state));
            var (m, v) = (arrays[0], arrays[1]);
            if (m.Length != v.Length) throw new ArgumentException($"Slot {slot}: m has {m.Length} entries but v has {v.Length}.", nameof(state));
            _state[slot] = ((T[])m.Clone(), (T[])v.Clone());
        }
    }
}
