using System.Numerics;

namespace Idl.Numerics.Training.Optimizers;

/// <summary>Stochastic gradient with heavy-ball momentum: u ← μu + g, θ ← θ − ηu (μ = 0 is plain SGD).</summary>
public sealed class SgdMomentum<T>(double momentum = 0.9) : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dictionary<int, T[]> _velocity = [];
    private T _lr;

    /// <inheritdoc />
    public void BeginStep(int step, double learningRate) => _lr = T.CreateTruncating(learningRate);

    /// <inheritdoc />
    public void Update(int slot, Span<T> parameter, ReadOnlySpan<T> gradient)
    {
        if (!_velocity.TryGetValue(slot, out var u) || u.Length != parameter.Length) _velocity[slot] = u = new T[parameter.Length];
        T mu = T.CreateTruncating(momentum);
        for (int i = 0; i < parameter.Length; i++)
        {
            u[i] = mu * u[i] + gradient[i];
            parameter[i] -= _lr * u[i];
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<int, T[][]> ExportState() =>
        _velocity.ToDictionary(kv => kv.Key, kv => new[] { (T[])kv.Value.Clone() });

    /// <inheritdoc />
    public void ImportState(IReadOnlyDictionary<int, T[][]> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _velocity.Clear();
        foreach (var (slot, arrays) in state)
        {
            if (arrays.Length != 1) throw new ArgumentException($"SGD slot {slot} needs one velocity array but has {arrays.Length}.", nameof(state));
            _velocity[slot] = (T[])arrays[0].Clone();
        }
    }
}
