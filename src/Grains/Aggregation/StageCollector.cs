using Idl.Grains.Contracts;
using Idl.Grains.Transfer;

namespace Idl.Grains.Aggregation;

/// <summary>
/// One stage of a step, for the coordinator (the tree's root) and for every aggregator: calls each child that has
/// samples in the step and no answer yet (a shard directly, a larger node through its aggregator grain), fetches the
/// answers' matrices, and keeps every answer that arrived, keyed by the child's first shard, so that a retry asks only
/// the children that failed and each child counts once per step.
/// </summary>
internal sealed class StageCollector(IGrainFactory grains, PayloadTransfer transfer, string runId, int fanIn)
{
    /// <summary>Calls the children of <paramref name="node"/> that hold shards in <paramref name="work"/> and are not in
    /// <paramref name="pending"/>, adding their answers for <paramref name="step"/> to it; throws after
    /// <paramref name="timeout"/> or when a call fails, keeping the answers that did arrive.</summary>
    public async Task CollectAsync(AggregationNode node, IReadOnlyDictionary<int, ShardWork> work, long step, ModelParameters parameters,
        int incarnation, SortedDictionary<int, ShardContribution> pending, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        var calls = new List<Task<ShardContribution>>();
        foreach (var child in node.Children(fanIn))
        {
            if (pending.ContainsKey(child.First)) continue;
            var mine = child.Shards.Where(work.ContainsKey).Select(k => work[k]).ToArray();
            if (mine.Length > 0) calls.Add(CallAsync(child, mine, step, parameters, incarnation, bounded.Token));
        }
        try { await Task.WhenAll(calls).WaitAsync(timeout, cancellationToken); }
        finally
        {
            foreach (var call in calls.Where(c => c.IsCompletedSuccessfully))
                if (call.Result.Step == step) pending.TryAdd(call.Result.Shard, call.Result);
        }
    }

    private async Task<ShardContribution> CallAsync(AggregationNode child, ShardWork[] work, long step, ModelParameters parameters, int incarnation,
        CancellationToken cancellationToken)
    {
        var answer = child.IsShard
            ? await grains.GetGrain<IDataShardGrain>(ShardSpec.KeyOf(runId, child.First))
                .ComputeAsync(new ShardStepRequest(work[0].Spec, step, parameters, work[0].Indices, incarnation, work[0].StepSamples), cancellationToken)
            : await grains.GetGrain<IGradientAggregatorGrain>(child.KeyOf(runId))
                .AggregateAsync(new AggregateRequest(child, step, parameters, work, fanIn, incarnation), cancellationToken);
        return await transfer.FetchAsync(answer, child.IsShard ? $"gradient contribution of shard {child.First}" : $"partial gradient sum of shards {child.First}+{child.Stride}k", cancellationToken);
    }
}
