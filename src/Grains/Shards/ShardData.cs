using Idl.Grains.Contracts;
using Idl.Grains.Data;
using Idl.Numerics.Data;
using Idl.Numerics.Data.Preparation;

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
            var reading = spec.Read?.ToReading() ?? new DataReading();
            loaded = DataSource.Load(blobs.Resolve(spec.DataSpec), reading.ToOptions(spec.Seed, spec.Start, spec.Count));
        }
        catch (Exception e) when (e is ArgumentException or IOException or DataFormatException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Shard {spec.ShardIndex} of run '{spec.RunId}' cannot load samples [{spec.Start}, {spec.Start + spec.Count}) of '{spec.DataSpec}': {e.Message}");
        }
        // The source's own test part is dealt out among the shards; without one each shard holds out its own samples
        // by the per-sample rule a single process applies to the whole set.
        if (loaded.Test is { } t) return new ShardData(spec, loaded.Train, TestPart(t, spec.ShardIndex, spec.ShardCount)).Scaled(spec);
        var (train, held) = HoldOut.Split(loaded.Train, spec.Seed, spec.HoldOut, spec.Start);
        return new ShardData(spec, train, held.SampleCount > 0 ? held : null).Scaled(spec);
    }

    /// <summary>This slice scaled for <paramref name="spec"/> without reading the source again, when this data is the same
    /// slice and still unscaled (a run first asks for the raw feature sums, then trains on the scaled samples); null when
    /// the source must be read again.</summary>
    public ShardData? TryScale(ShardSpec spec) =>
        SameSlice(spec) && Spec.ScaleMean is null && Spec.ScaleStd is null && Spec.TargetMean is null
            ? new ShardData(spec, Train, Test).Scaled(spec) : null;

    /// <summary>Whether this data was loaded and scaled for <paramref name="spec"/>.</summary>
    public bool Matches(ShardSpec spec) =>
        spec.DataSpec == Spec.DataSpec && spec.Start == Spec.Start && spec.Count == Spec.Count && spec.Seed == Spec.Seed
        && spec.HoldOut == Spec.HoldOut && Same(spec.ScaleMean, Spec.ScaleMean) && Same(spec.ScaleStd, Spec.ScaleStd)
        && Same(spec.TargetMean, Spec.TargetMean) && Same(spec.TargetStd, Spec.TargetStd);

    /// <summary>Whether the raw samples are the same as <paramref name="spec"/>'s (scaling aside).</summary>
    public bool SameSlice(ShardSpec spec) =>
        spec.DataSpec == Spec.DataSpec && spec.Start == Spec.Start && spec.Count == Spec.Count && spec.Seed == Spec.Seed
        && spec.HoldOut == Spec.HoldOut && Equals(spec.Read, Spec.Read);

    /// <summary>The regression target scaling the shard applied, so that RMSEs are reported in the original units.</summary>
    public Standardization? TargetScaling => Spec.TargetMean is { } mean && Spec.TargetStd is { } std ? new Standardization(mean, std) : null;

    private ShardData Scaled(ShardSpec spec)
    {
        var input = spec.ScaleMean is { } mean && spec.ScaleStd is { } std ? new Standardization(mean, std) : null;
        var targets = spec.TargetMean is { } tm && spec.TargetStd is { } ts ? new Standardization(tm, ts) : null;
        if (input is null && targets is null) return this;
        return new ShardData(spec, DataPreparation.Scale(Train, input, targets)!, DataPreparation.Scale(Test, input, targets));
    }

    private static Dataset? TestPart(Dataset test, int index, int count)
    {
        int start = (int)((long)test.SampleCount * index / count), end = (int)((long)test.SampleCount * (index + 1) / count);
        return end > start ? test.Slice(start, end - start) : null;
    }

    private static bool Same(double[]? a, double[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
