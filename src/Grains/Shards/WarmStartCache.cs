using System.Numerics;
using Idl.Numerics;

namespace Idl.Grains.Shards;

/// <summary>The last state column of every sample of a shard (sample-major), so that its next solve starts there;
/// the distributed counterpart of the single-process trainer's per-sample cache.</summary>
internal sealed class WarmStartCache<T>(int samples, int n) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _states = new T[checked((long)samples * n)];
    private readonly bool[] _seen = new bool[samples];

    public int StateSize => n;

    /// <summary>The cached columns of <paramref name="indices"/> as a new n×b matrix, or null when none was seen.</summary>
    public Matrix<T>? Gather(int[] indices)
    {
        if (!indices.Any(i => _seen[i])) return null;
        int b = indices.Length;
        var x = new Matrix<T>(n, b);
        for (int k = 0; k < b; k++)
        {
            if (!_seen[indices[k]]) continue;
            var src = _states.AsSpan(indices[k] * n, n);
            for (int r = 0; r < n; r++) x.Data[r * b + k] = src[r];
        }
        return x;
    }

    /// <summary>Stores the columns of <paramref name="x"/> for <paramref name="indices"/>.</summary>
    public void Scatter(int[] indices, Matrix<T> x)
    {
        int b = indices.Length;
        for (int k = 0; k < b; k++)
        {
            var dst = _states.AsSpan(indices[k] * n, n);
            for (int r = 0; r < n; r++) dst[r] = x.Data[r * b + k];
            _seen[indices[k]] = true;
        }
    }
}
