using System.Globalization;

namespace Idl.Numerics.Data.Preparation;

/// <summary>
/// The test part of a data set that has none (a CSV or LibSVM file): sample i of the training part is held out when a
/// hash of (seed, i) falls below the fraction. A per-sample rule rather than a shuffle, so that a shard holding any
/// slice [s, s + c) decides for its own samples exactly as a single process decides for the whole set, without reading
/// the rest. The held-out share is the fraction up to sampling noise (±√(f(1−f)/m)).
/// </summary>
public static class HoldOut
{
    /// <summary>The fraction held out when the data has no test part: 0.2.</summary>
    public const double DefaultFraction = 0.2;

    /// <summary>Whether sample <paramref name="index"/> (of the whole training part) is held out.</summary>
    public static bool IsHeldOut(int seed, long index, double fraction)
    {
        if (fraction <= 0) return false;
        ulong h = SeededRandom.For(seed, stream: 0x7E57).NextUInt64() ^ unchecked((ulong)index * 0xD1B54A32D192ED03UL);
        var r = new SeededRandom(h);
        return r.NextDouble() < fraction;
    }

    /// <summary>
    /// Splits <paramref name="data"/>, whose first sample is sample <paramref name="firstIndex"/> of the whole
    /// training part, into the kept samples and the held-out ones, each in their original order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside [0, 1).</exception>
    public static (Dataset Train, Dataset Test) Split(Dataset data, int seed, double fraction, long firstIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(fraction >= 0 && fraction < 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction,
                string.Create(CultureInfo.InvariantCulture, $"The held-out fraction {fraction} must be in [0, 1)."));
        var (kept, held) = (new List<int>(data.SampleCount), new List<int>());
        for (int i = 0; i < data.SampleCount; i++)
            (IsHeldOut(seed, firstIndex + i, fraction) ? held : kept).Add(i);
        return (data.Subset(kept.ToArray(), data.Name + "/train"), data.Subset(held.ToArray(), data.Name + "/test"));
    }
}
