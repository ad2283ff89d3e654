using Idl.Numerics.Data;

namespace Idl.Numerics.Tests.Data;

public sealed class MiniBatchIteratorTests
{
    [Theory]
    [InlineData(10, 3, false, 4)]
    [InlineData(10, 3, true, 3)]
    [InlineData(9, 3, false, 3)]
    [InlineData(1, 1, false, 1)]
    [InlineData(5, 8, false, 1)]
    public void Indices_OneEpoch_EachSampleOnceInBatchesOfB(int m, int b, bool dropLast, int batches)
    {
        var it = new MiniBatchIterator(m, b, seed: 4, dropLast);
        var epoch = it.Indices(0).ToArray();

        Assert.Equal(batches, epoch.Length);
        Assert.All(epoch.SkipLast(1), batch => Assert.Equal(b, batch.Length));
        var seen = epoch.SelectMany(x => x).ToArray();
        Assert.Equal(seen.Length, seen.Distinct().Count());
        if (!dropLast) Assert.Equal(Enumerable.Range(0, m), seen.Order());
    }

    [Fact]
    public void Batches_SameSeed_BitIdenticalBatches()
    {
        var data = SyntheticFeedforward.Generate(DataPart.Train, new SyntheticOptions { Samples = 40, Seed = 8 });
        var first = new MiniBatchIterator(40, 16, seed: 12).Batches<double>(data, 3).ToArray();
        var second = new MiniBatchIterator(40, 16, seed: 12).Batches<double>(data, 3).ToArray();

        Assert.Equal(first.Length, second.Length);
        for (int k = 0; k < first.Length; k++)
        {
            Assert.Equal(first[k].Indices, second[k].Indices);
            Assert.Equal(first[k].U.Data, second[k].U.Data);
            Assert.Equal(first[k].Y.Data, second[k].Y.Data);
        }
    }

    [Fact]
    public void Permutation_DifferentEpochsOrSeeds_Differ()
    {
        var it = new MiniBatchIterator(100, 10, seed: 1);
        Assert.NotEqual(it.Permutation(0), it.Permutation(1));
        Assert.NotEqual(it.Permutation(0), new MiniBatchIterator(100, 10, seed: 2).Permutation(0));
        Assert.Equal(it.Permutation(5), new MiniBatchIterator(100, 10, seed: 1).Permutation(5));
    }

    [Fact]
    public void Batches_WrongDatasetSize_Throws()
    {
        var data = SyntheticSine.Generate(DataPart.Train, new SyntheticOptions { Samples = 20 });
        Assert.Throws<ArgumentException>(() => new MiniBatchIterator(21, 5, 0).Batches<float>(data, 0).ToArray());
    }
}
