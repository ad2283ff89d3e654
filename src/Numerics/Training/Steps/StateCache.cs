using System.Numerics;

namespace Idl.Numerics.Training.Steps;

/// <summary>
/// The last state column of every training sample (sample-major, n values each), so that a sample's next
/// equilibrium solve starts where its previous one ended. Samples never seen start from zero. The single-process
/// trainer keeps one per training set, a shard one per slice: indices are the owner's own sample indices.
/// </summary>
public sealed class StateCache<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _states;
    private readonly bool[] _seen;
    private readonly int _n;

    /// <summary>An empty cache for <paramref name="samples"/> samples of state size <paramref name="n"/>.</summary>
    /// <exception cref="OverflowException">samples·n does not fit an array.</exception>
    public StateCache(int samples, int n)
    {
        _n = n;
        _states = new T[checked((long)samples * n)];
        _seen = new bool[samples];
    }

    /// <summary>The state size n of every cached column.</summary>
    public int StateSize => _n;

    /// <summary>Bytes a cache of this size would take.</summary>
    public static long Bytes(int samples, int n) => (long)samples * n * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    /// <summary>The cached columns of <paramref name="indices"/> as an n×b matrix, or null when none was seen.</summary>
    public Matrix<T>? Gather(int[] indices)
    {
        if (!indices.Any(i => _seen[i])) return null;
        int b = indices.Length;
        var x = new Matrix<T>(_n, b);
        for (int k = 0; k < b; k++)
        {
            if (!_seen[indices[k]]) continue;
            var src = _states.AsSpan(indices[k] * _n, _n);
            for (int r = 0; r < _n; r++) x.Data[r * b + k] = src[r];
        }
        return x;
    }

    /// <summary>Stores the columns of <paramref name="x"/> for <paramref name="indices"/>.</summary>
    public void Scatter(int[] indices, Matrix<T> x)
    {
        int b = indices.Length;
        for (int k = 0; k < b; k++)
        {
            var dst = _states.AsSpan(indices[k] * _n, _n);
            for (int r = 0; r < _n; r++) dst[r] = x.Data[r * b + k];
            _seen[indices[k]] = true;
        }
    }
}
