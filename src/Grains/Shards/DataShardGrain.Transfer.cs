using Idl.Grains.Contracts;
using Idl.Grains.Transfer;

namespace Idl.Grains.Shards;

public sealed partial class DataShardGrain
{
    private PayloadOutbox? _outbox;

    // The answer as sent: a large contribution stays in this silo's store, for its collector to pull, until the next
    // answer replaces it (a repeated request gets the same handles) or this activation ends.
    private ShardContribution Send(ShardContribution contribution) => (_outbox ??= new PayloadOutbox(transfer)).Send(contribution, "gradient contribution");

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _outbox?.Dispose();
        return Task.CompletedTask;
    }
}
