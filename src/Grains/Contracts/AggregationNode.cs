namespace Idl.Grains.Contracts;

/// <summary>
/// A node of a run's aggregation tree: the shards First + Stride·i for i &lt; Count, at depth Level (the coordinator is
/// level 0). A node of one shard is that shard; a larger node is an aggregator grain that sums its children.
/// </summary>
/// <remarks>Children are strided, not contiguous: shard k lives on silo k mod s (<c>ShardPlacement</c>), so when the
/// children's stride is a multiple of the silo count every shard of a child shares the silo of that child's aggregator
/// (keyed by its first shard, placed like it), and only the partial sums cross silos.</remarks>
[GenerateSerializer, Immutable, Alias("idl.AggregationNode")]
public sealed record AggregationNode(
    [property: Id(0)] int First,
    [property: Id(1)] int Stride,
    [property: Id(2)] int Count,
    [property: Id(3)] int Level)
{
    /// <summary>The coordinator's node: all <paramref name="shards"/> shards.</summary>
    public static AggregationNode Root(int shards) => new(0, 1, shards, 0);

    /// <summary>Whether this node is a single shard (called directly, no aggregator).</summary>
    public bool IsShard => Count == 1;

    /// <summary>The node's shard indices, ascending.</summary>
    public IEnumerable<int> Shards => Enumerable.Range(0, Count).Select(i => First + Stride * i);

    /// <summary>At most <paramref name="fanIn"/> children covering this node's shards once each, in order of their first
    /// shard: the shards themselves when there are at most <paramref name="fanIn"/>, else
    /// c = min(fanIn, ⌈Count / fanIn⌉) strided sub-nodes (child j holds every c-th shard from the j-th).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is below 2.</exception>
    public IReadOnlyList<AggregationNode> Children(int fanIn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 2);
        if (Count <= fanIn) return Shards.Select(k => new AggregationNode(k, 1, 1, Level + 1)).ToArray();
        int c = Math.Min(fanIn, (Count + fanIn - 1) / fanIn);
        return Enumerable.Range(0, c).Select(j => new AggregationNode(First + Stride * j, Stride * c, (Count - j + c - 1) / c, Level + 1)).ToArray();
    }

    /// <summary>The aggregator grain key of this node in run <paramref name="runId"/>: unique in the tree, and ending in
    /// "/{First}" so that <c>ShardPlacement</c> puts it on the silo of its first shard.</summary>
    public string KeyOf(string runId) => $"{runId}/agg-{Stride}-{Count}/{First}";
}
