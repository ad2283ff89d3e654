using Idl.Numerics;

namespace Idl.Grains.Shards;

/// <summary>The last state column of every sample of a shard (sample-major), so that its next solve starts there;
/// the distributed counterpart of the single-process trainer's per-sample cache.</summary>
internal sealed class WarmStartCache(int samples, int n)
{
    private readonly double[] _states = new double[checked((long)samples * n)];
    private readonly bool[] _seen = new bool[samples];

    public int StateSize => n;

    /// <summary>The cached columns of <paramref name="indices"/> as a new n×b matrix, or null when none was seen.</summary>
    public Matrix<double>? Gather(int[] indices)
    {
        if (!indices.Any(i => _seen[i])) return null;
        int b = indices.Length;
        var x = new Matrix<double>(n, b);
        for (int k = 0; k < b; k++)
        {
            if (!_seen[indices[k]]) continue;
            var src = _states.AsSpan(indices[k] * n, n);
            for (int r = 0; r < n; r++) x.Data[r * b + k] = src[r];
        }
        return x;
    }

    /// <summary>Stores the columns of <paramref name="x"/> for <paramref name="indices"/>.</summary>
    public void Scatter(int[] indices, Matrix<double> x)
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
