using System.IO.Hashing;
using Idl.Grains.Contracts;
using Idl.Grains.Options;
using Microsoft.Extensions.Options;

namespace Idl.Grains.Transfer;

/// <summary>
/// Sends and receives the matrices of parameter sets and gradient contributions on a silo. Offering checks every
/// matrix against <see cref="TrainingClusterOptions.MaxPayloadBytes"/>; a record whose matrices fit in
/// <see cref="TrainingClusterOptions.ChunkBytes"/> is returned as it is (inline: inside one silo it is never copied),
/// a larger one keeps its largest matrices in this silo's <see cref="PayloadStore"/> and sends handles. Fetching
/// takes a handle of this silo from the store (the same instance, no copy) and pulls any other in chunks.
/// </summary>
public sealed partial class PayloadTransfer(PayloadStore store, ILocalSiloDetails silo, IGrainFactory grains, IOptions<TrainingClusterOptions> options)
{
    private readonly TrainingClusterOptions _options = options.Value;
    private readonly PayloadFetcher _fetcher = new(grains, options.Value.ChunkBytes, options.Value.MaxPayloadBytes);
    private string? _silo;

    private string Silo => _silo ??= silo.SiloAddress.ToParsableString();

    // Checks every matrix, then keeps the largest ones here until the inline rest fits in one chunk. Returns null when
    // nothing changes (the fast path: no hashing, no copy).
    private (MatrixPayload?[]? Sent, PayloadLease Lease) Offer(MatrixPayload?[] fields, string what)
    {
        long inline = 0;
        for (int i = 0; i < fields.Length; i++)
        {
            if (fields[i] is not { } f) continue;
            if (f.Handle is null) PayloadGuard.Ensure(f.WireBytes, _options.MaxPayloadBytes, $"{what} {Names[i]} ({f.Rows}x{f.Cols} {Precision(f)})");
            inline += f.WireBytes;
        }
        if (inline <= _options.ChunkBytes) return (null, PayloadLease.Empty);
        var sent = (MatrixPayload?[])fields.Clone();
        var ids = new List<Guid>();
        foreach (int i in Enumerable.Range(0, fields.Length).Where(i => fields[i] is { Handle: null }).OrderByDescending(i => fields[i]!.WireBytes))
        {
            if (inline <= _options.ChunkBytes) break;
            var f = fields[i]!;
            var id = store.Hold(f);
            ids.Add(id);
            sent[i] = MatrixPayload.Remote(f.Element, f.Rows, f.Cols, new PayloadHandle(Silo, id, XxHash3.HashToUInt64(f.ByteSpan)));
            inline -= f.WireBytes - sent[i]!.WireBytes;
        }
        return (sent, new PayloadLease(store, [.. ids]));
    }

    // Fetches every remote field (in parallel); null when none is remote.
    private async Task<MatrixPayload?[]?> FetchAsync(MatrixPayload?[] fields, string what, CancellationToken cancellationToken)
    {
        if (!fields.Any(f => f?.Handle is not null)) return null;
        var fetched = await Task.WhenAll(fields.Select((f, i) => f is null ? Task.FromResult<MatrixPayload?>(null) : FetchOneAsync(f, $"{what} {Names[i]}", cancellationToken)));
        return fetched;
    }

    private async Task<MatrixPayload?> FetchOneAsync(MatrixPayload payload, string what, CancellationToken cancellationToken)
    {
        if (payload.Handle is not { } handle) return payload;
        if (handle.Silo != Silo) return await _fetcher.FetchAsync(payload, what, cancellationToken);
        return store.Find(handle.Id)
            ?? throw new InvalidOperationException($"The {what} (payload {handle.Id}) is no longer held on this silo: its producer released it or was deactivated.");
    }

    private static string Precision(MatrixPayload f) => f.Element == PayloadElement.Float32 ? "float32" : "float64";
}
