using Idl.Grains.Contracts;
using Orleans.Concurrency;

namespace Idl.Grains.Transfer;

/// <summary>Serves chunks of this silo's <see cref="PayloadStore"/>. Stateless and reentrant: every shard of a run may
/// pull the same parameters at once, and the store only hands out immutable payloads.</summary>
[Reentrant, SiloKeyPlacement]
public sealed class PayloadReaderGrain(PayloadStore store, ILocalSiloDetails silo) : Grain, IPayloadReaderGrain
{
    /// <inheritdoc />
    public Task<byte[]> ReadAsync(Guid id, long offset, int count, CancellationToken cancellationToken = default)
    {
        string here = silo.SiloAddress.ToParsableString(), named = this.GetPrimaryKeyString();
        if (named != here)
        {
            // Placed away from its silo (gone, or not yet known to the placing silo): leave, so that the next read,
            // after a step retry, is placed again.
            DeactivateOnIdle();
            throw new InvalidOperationException($"Payload {id} was held on silo {named}, which is gone or not yet known to silo {here}.");
        }
        var payload = store.Find(id) ?? throw new InvalidOperationException(
            $"Payload {id} is no longer held on silo {here}: its producer released it (a newer answer or a finished step) or was deactivated.");
        var block = payload.ByteSpan;
        if (offset < 0 || count < 0 || offset + count > block.Length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"Bytes [{offset}, {offset + count}) lie outside payload {id}'s {block.Length} bytes.");
        return Task.FromResult(block.Slice((int)offset, count).ToArray());
    }
}
