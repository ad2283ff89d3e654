using Idl.Grains.Contracts;

namespace Idl.Grains.Tests.Aggregation;

public sealed class AggregationNodeTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(7, 3)]
    [InlineData(8, 8)]
    [InlineData(9, 8)]
    [InlineData(64, 8)]
    [InlineData(65, 8)]
    [InlineData(100, 8)]
    [InlineData(1000, 4)]
    public void Children_AnyTree_CoverEveryShardOnceWithAtMostFanInChildren(int shards, int fanIn)
    {
        var leaves = new List<int>();
        var keys = new HashSet<string>();
        int depth = Stage(AggregationNode.Root(shards), fanIn, leaves, keys);

        Assert.Equal(Enumerable.Range(0, shards), leaves.Order());
        Assert.True(depth <= 1 + (int)Math.Ceiling(Math.Log(shards) / Math.Log(2)), $"depth {depth}");
        if (shards <= fanIn) Assert.Equal(1, depth);
        else Assert.True(depth >= 2);
    }

    [Fact]
    public void Children_SevenShardsFanInThree_ThreeStridedStages()
    {
        var children = AggregationNode.Root(7).Children(3);
        Assert.Equal([[0, 3, 6], [1, 4], [2, 5]], children.Select(c => c.Shards.ToArray()));
        Assert.All(children, c => Assert.Equal(1, c.Level));
        Assert.Equal("run/agg-3-3/0", children[0].KeyOf("run"));
    }

    [Fact]
    public void Children_FanInBelowTwo_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AggregationNode.Root(4).Children(1));

    // Stages from this one (the coordinator's root, or an aggregator) down to the shards; every aggregator key must be new.
    private static int Stage(AggregationNode node, int fanIn, List<int> leaves, HashSet<string> keys)
    {
        var children = node.Children(fanIn);
        Assert.InRange(children.Count, 1, fanIn);
        Assert.Equal(node.Shards.Order(), children.SelectMany(c => c.Shards).Order());
        int below = 0;
        foreach (var child in children)
        {
            if (child.IsShard) leaves.Add(child.First);
            else
            {
                Assert.True(keys.Add(child.KeyOf("r")), $"duplicate key {child.KeyOf("r")}");
                below = Math.Max(below, Stage(child, fanIn, leaves, keys));
            }
        }
        return 1 + below;
    }
}
