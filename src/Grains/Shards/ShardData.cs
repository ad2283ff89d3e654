using Idl.Grains.Contracts;
using Idl.Grains.Data;
using Idl.Numerics.Data;

namespace Idl.Grains.Shards;

/// <summary>A shard's loaded slice: its training samples (scaled when the spec says so) and its part of the test set.
/// Immutable once built; the grain swaps whole instances.</summary>
internal sealed class ShardData
{
    private ShardData(ShardSpec spec, Dataset train, Dataset? test) => (Spec, Train, Test) = (spec, train, test);

    public ShardSpec Spec { get; }

    public Dataset Train { get; }

    public Dataset? Test { get; }

    /// <summary>Loads samples [Start, Start + Count) and test part ShardIndex of ShardCount, then scales both.</summary>
    /// <exception cref="InvalidOperationException">The slice cannot be loaded; the message names the shard, range and cause.</exception>
    public static ShardData Load(ShardSpec spec, BlobDataCache blobs)
    {
        LoadedData loaded;
        try
        {
            loaded = DataSource.Load(blobs.Resolve(spec.DataSpec), new DataSourceOptions
            {
                Start = spec.Start, Count = spec.Count, LoadTest = true, Synthetic = new SyntheticOptions { Seed = spec.Seed },
            });
        }
        catch (Exception e) when (e is ArgumentException or IOException or DataFormatException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Shard {spec.ShardIndex} of run '{spec.RunId}' cannot load samples [{spec.Start}, {spec.Start + spec.Count}) of '{spec.DataSpec}': {e.Message}");
        }
        var test = loaded.Test is { } t ? TestPart(t, spec.ShardIndex, spec.ShardCount) : null;
        return new ShardData(spec, loaded.Train, test).Scaled(spec);
    }

    /// <summary>This slice scaled for <paramref name="spec"/> without reading the source again, when this data is the same
    /// slice and still unscaled (a run first asks for the raw feature sums, then trains on the scaled samples); null when
    /// the source must be read again.</summary>
    public ShardData? TryScale(ShardSpec spec) =>
        SameSlice(spec) && Spec.ScaleMean is null && Spec.ScaleStd is null ? new ShardData(spec, Train, Test).Scaled(spec) : null;

    /// <summary>Whether this data was loaded and scaled for <paramref name="spec"/>.</summary>
    public bool Matches(ShardSpec spec) =>
        spec.DataSpec == Spec.DataSpec && spec.Start == Spec.Start && spec.Count == Spec.Count && spec.Seed == Spec.Seed
        && Same(spec.ScaleMean, Spec.ScaleMean) && Same(spec.ScaleStd, Spec.ScaleStd);

    /// <summary>Whether the raw samples are the same as <paramref name="spec"/>'s (scaling aside).</summary>
    public bool SameSlice(ShardSpec spec) =>
        spec.DataSpec == Spec.DataSpec && spec.Start == Spec.Start && spec.Count == Spec.Count && spec.Seed == Spec.Seed;

    private ShardData Scaled(ShardSpec spec)
    {
        if (spec.ScaleMean is not { } mean || spec.ScaleStd is not { } std) return this;
        var s = new Standardization(mean, std);
        return new ShardData(spec, s.ApplyToFeatures(Train), Test is null ? null : s.ApplyToFeatures(Test));
    }

    private static Dataset? TestPart(Dataset test, int index, int count)
    {
        int start = (int)((long)test.SampleCount * index / count), end = (int)((long)test.SampleCount * (index + 1) / count);
        return end > start ? test.Slice(start, end - start) : null;
    }

    private static bool Same(double[]? a, double[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
