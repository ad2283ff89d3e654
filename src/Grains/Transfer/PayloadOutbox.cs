using Idl.Grains.Contracts;

namespace Idl.Grains.Transfer;

/// <summary>A grain's latest answer as sent: what it keeps in the store stays there while the answer may still be
/// asked for again (a retry gets the same handles), and is released when a newer answer replaces it or the grain
/// deactivates.</summary>
internal sealed class PayloadOutbox(PayloadTransfer transfer) : IDisposable
{
    private PayloadLease _lease = PayloadLease.Empty;

    /// <summary>Offers <paramref name="contribution"/>, releasing the previous answer's payloads.</summary>
    /// <exception cref="InvalidOperationException">A matrix exceeds the hard limit; the previous answer stays held.</exception>
    public ShardContribution Send(ShardContribution contribution, string what)
    {
        var (sent, lease) = transfer.Offer(contribution, what);
        Replace(lease);
        return sent;
    }

    /// <summary>Offers <paramref name="parameters"/>, releasing the previous answer's payloads.</summary>
    /// <exception cref="InvalidOperationException">A matrix exceeds the hard limit; the previous answer stays held.</exception>
    public ModelParameters Send(ModelParameters parameters, string what)
    {
        var (sent, lease) = transfer.Offer(parameters, what);
        Replace(lease);
        return sent;
    }

    /// <inheritdoc />
    public void Dispose() => Replace(PayloadLease.Empty);

    private void Replace(PayloadLease lease)
    {
        _lease.Dispose();
        _lease = lease;
    }
}
