namespace Idl.Grains.Contracts;

/// <summary>One stage of a run's aggregation tree (key <see cref="AggregationNode.KeyOf"/>): calls its children
/// (shards or further stages), sums their gradient contributions and returns one partial sum. Idempotent per
/// (run, incarnation, step, node).</summary>
[Alias("idl.IGradientAggregatorGrain")]
public interface IGradientAggregatorGrain : IGrainWithStringKey
{
    /// <summary>The sum of the step's contributions of this node's shards that have samples in it.</summary>
    [Alias("Aggregate")]
    Task<ShardContribution> AggregateAsync(AggregateRequest request, CancellationToken cancellationToken = default);
}
