using Idl.Grains.Contracts;

namespace Idl.Grains.Transfer;

public sealed partial class PayloadTransfer
{
    // The six matrices of a parameter set and of a contribution, in this order.
    private static readonly string[] Names = ["A", "B", "C", "D", "state bias", "output bias"];

    /// <summary><paramref name="parameters"/> ready to send, and the lease on what stays here for receivers to pull.</summary>
    /// <exception cref="InvalidOperationException">A matrix exceeds the hard limit; the message names it.</exception>
    public (ModelParameters Sent, PayloadLease Lease) Offer(ModelParameters parameters, string what)
    {
        var (sent, lease) = Offer(Fields(parameters), what);
        return (sent is null ? parameters : With(parameters, sent), lease);
    }

    /// <summary><paramref name="contribution"/> ready to send, and the lease on what stays here for receivers to pull.</summary>
    /// <exception cref="InvalidOperationException">A matrix exceeds the hard limit; the message names it.</exception>
    public (ShardContribution Sent, PayloadLease Lease) Offer(ShardContribution contribution, string what)
    {
        var (sent, lease) = Offer(Fields(contribution), what);
        return (sent is null ? contribution : With(contribution, sent), lease);
    }

    /// <summary><paramref name="parameters"/> with every matrix held here or pulled (itself when none is remote).</summary>
    public async Task<ModelParameters> FetchAsync(ModelParameters parameters, string what, CancellationToken cancellationToken = default) =>
        await FetchAsync(Fields(parameters), what, cancellationToken) is { } f ? With(parameters, f) : parameters;

    /// <summary><paramref name="contribution"/> with every matrix held here or pulled (itself when none is remote).</summary>
    public async Task<ShardContribution> FetchAsync(ShardContribution contribution, string what, CancellationToken cancellationToken = default) =>
        await FetchAsync(Fields(contribution), what, cancellationToken) is { } f ? With(contribution, f) : contribution;

    internal static MatrixPayload?[] Fields(ModelParameters p) => [p.A, p.B, p.C, p.D, p.StateBias, p.OutputBias];

    internal static MatrixPayload?[] Fields(ShardContribution c) => [c.A, c.B, c.C, c.D, c.StateBias, c.OutputBias];

    internal static ModelParameters With(ModelParameters p, MatrixPayload?[] f) =>
        p with { A = f[0]!, B = f[1]!, C = f[2]!, D = f[3]!, StateBias = f[4], OutputBias = f[5] };

    internal static ShardContribution With(ShardContribution c, MatrixPayload?[] f) =>
        c with { A = f[0]!, B = f[1]!, C = f[2]!, D = f[3]!, StateBias = f[4], OutputBias = f[5] };
}
