using Idl.Grains.Contracts;
using Idl.Grains.Telemetry;

namespace Idl.Grains.Transfer;

/// <summary>
/// Pulls remote payloads in chunks from the <see cref="IPayloadReaderGrain"/> of the silo holding them, a few chunks in
/// flight at a time, and reassembles and checks them (<see cref="ChunkAssembler"/>). Works on silos and clients alike;
/// a silo first looks in its own store (<see cref="PayloadTransfer"/>).
/// </summary>
public sealed class PayloadFetcher
{
    // Enough to hide one round trip behind the next chunk's transfer without queueing a whole matrix at the sender.
    private const int InFlight = 4;
    private readonly Func<PayloadHandle, long, int, CancellationToken, Task<byte[]>> _read;
    private readonly int _chunkBytes;
    private readonly long _maxBytes;

    /// <summary>Reads through <paramref name="grains"/>; chunks of <paramref name="chunkBytes"/>, payloads of at most
    /// <paramref name="maxBytes"/>.</summary>
    public PayloadFetcher(IGrainFactory grains, int chunkBytes, long maxBytes)
        : this((h, offset, count, ct) => grains.GetGrain<IPayloadReaderGrain>(h.Silo).ReadAsync(h.Id, offset, count, ct), chunkBytes, maxBytes)
    {
        ArgumentNullException.ThrowIfNull(grains);
    }

    internal PayloadFetcher(Func<PayloadHandle, long, int, CancellationToken, Task<byte[]>> read, int chunkBytes, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        (_read, _chunkBytes, _maxBytes) = (read, chunkBytes, maxBytes);
    }

    /// <summary><paramref name="payload"/> itself when it holds its elements, else its elements pulled from their silo.</summary>
    /// <exception cref="InvalidOperationException">Too large, no longer held, incomplete, or the checksum differs.</exception>
    public async Task<MatrixPayload> FetchAsync(MatrixPayload payload, string what, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Handle is not { } handle) return payload;
        var assembler = new ChunkAssembler(payload, what, _maxBytes);
        using var activity = TrainingTelemetry.Source.StartActivity("transfer.fetch");
        long chunks = (assembler.Length + _chunkBytes - 1) / _chunkBytes;
        activity?.SetTag(TrainingTelemetry.Tags.Bytes, assembler.Length).SetTag(TrainingTelemetry.Tags.Chunks, chunks);
        for (long first = 0; first < chunks; first += InFlight)
        {
            var batch = new List<(long Offset, int Count, Task<byte[]> Read)>();
            for (long c = first; c < Math.Min(chunks, first + InFlight); c++)
            {
                long offset = c * _chunkBytes;
                int count = (int)Math.Min(_chunkBytes, assembler.Length - offset);
                batch.Add((offset, count, _read(handle, offset, count, cancellationToken)));
            }
            await Task.WhenAll(batch.Select(b => b.Read));
            foreach (var (offset, count, read) in batch) assembler.Add(offset, count, read.Result);
        }
        return assembler.Complete();
    }
}
