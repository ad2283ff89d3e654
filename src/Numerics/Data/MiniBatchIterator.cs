using System.Numerics;

namespace Idl.Numerics.Data;

/// <summary>
/// Shuffled mini-batches: epoch e visits every sample once in a permutation determined only by (seed, e), so a run
/// is reproducible bit for bit and any worker can recompute the schedule of any epoch without communication.
/// </summary>
public sealed class MiniBatchIterator
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="sampleCount">m ≥ 1.</param>
    /// <param name="batchSize">b ≥ 1; the last batch of an epoch is smaller when b does not divide m, unless
    /// <paramref name="dropLast"/>.</param>
    /// <param name="seed">Shuffling seed.</param>
    /// <param name="dropLast">Skip the final short batch (keeps every batch the same size).</param>
    /// <exception cref="ArgumentOutOfRangeException">m or b is not positive, or dropLast leaves no batch.</exception>
    public MiniBatchIterator(int sampleCount, int batchSize, int seed, bool dropLast = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (dropLast && batchSize > sampleCount)
            throw new ArgumentOutOfRangeException(nameof(batchSize), Dataset.Invariant(
                $"Batch size {batchSize} exceeds the {sampleCount} samples, so dropLast would leave no batch."));
        SampleCount = sampleCount;
        BatchSize = batchSize;
        Seed = seed;
        DropLast = dropLast;
    }

    /// <summary>m.</summary>
    public int SampleCount { get; }

    /// <summary>b.</summary>
    public int BatchSize { get; }

    /// <summary>The shuffling seed.</summary>
    public int Seed { get; }

    /// <summary>Whether the final short batch is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => DropLast ? SampleCount / BatchSize : (SampleCount + BatchSize - 1) / BatchSize;

    /// <summary>The permutation of 0..m−1 used in epoch <paramref name="epoch"/>.</summary>
    public int[] Permutation(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        return SeededRandom.For(Seed, stream: epoch + 1L).Permutation(SampleCount);
    }

    /// <summary>The sample indices of each batch of epoch <paramref name="epoch"/>, in order.</summary>
    public IEnumerable<int[]> Indices(int epoch)
    {
        var perm = Permutation(epoch);
        for (int k = 0; k < BatchesPerEpoch; k++)
        {
            int start = k * BatchSize;
            yield return perm[start..Math.Min(start + BatchSize, SampleCount)];
        }
    }

    /// <summary>The batches of epoch <paramref name="epoch"/> over <paramref name="data"/>, in the model's layout.</summary>
    /// <exception cref="ArgumentException">The data set's size differs from <see cref="SampleCount"/>.</exception>
    public IEnumerable<MiniBatch<T>> Batches<T>(Dataset data, int epoch) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.SampleCount != SampleCount)
            throw new ArgumentException(Dataset.Invariant(
                $"Data set '{data.Name}' has {data.SampleCount} samples but the iterator was built for {SampleCount}."), nameof(data));
        return Indices(epoch).Select(ix => data.Batch<T>(ix));
    }
}
