using System.IO.Hashing;
using Idl.Grains.Contracts;
using Idl.Grains.Options;

namespace Idl.Grains.Transfer;

/// <summary>Reassembles a remote payload from its chunks, then checks that every byte arrived and that the block
/// hashes to the handle's checksum before anything may read it.</summary>
internal sealed class ChunkAssembler
{
    private readonly MatrixPayload _remote;
    private readonly PayloadHandle _handle;
    private readonly string _what;
    private readonly byte[] _bytes;
    private long _received;

    /// <exception cref="InvalidOperationException">The payload is larger than <paramref name="maxBytes"/>.</exception>
    public ChunkAssembler(MatrixPayload remote, string what, long maxBytes)
    {
        _handle = remote.Handle ?? throw new ArgumentException("The payload is not remote.", nameof(remote));
        PayloadGuard.Ensure(MatrixPayloadCodec.HeaderBytes + remote.DataBytes, maxBytes, what);
        (_remote, _what) = (remote, what);
        _bytes = GC.AllocateUninitializedArray<byte>(checked((int)remote.DataBytes));
    }

    /// <summary>Bytes to receive.</summary>
    public long Length => _bytes.LongLength;

    /// <summary>Copies the chunk read at <paramref name="offset"/>; it must be exactly <paramref name="expected"/> bytes.</summary>
    /// <exception cref="InvalidOperationException">The chunk has another length.</exception>
    public void Add(long offset, int expected, byte[] chunk)
    {
        if (chunk.Length != expected || offset < 0 || offset + expected > _bytes.LongLength)
            throw new InvalidOperationException(
                $"The {_what} chunk at byte {offset} of payload {_handle.Id} has {chunk.Length} bytes, not {expected}, or lies outside its {_bytes.LongLength} bytes.");
        chunk.CopyTo(_bytes.AsSpan((int)offset));
        _received += chunk.Length;
    }

    /// <summary>The reassembled payload.</summary>
    /// <exception cref="InvalidOperationException">Bytes are missing or the checksum differs.</exception>
    public MatrixPayload Complete()
    {
        if (_received != _bytes.LongLength)
            throw new InvalidOperationException($"The {_what} (payload {_handle.Id}) arrived with {_received} of its {_bytes.LongLength} bytes.");
        ulong checksum = XxHash3.HashToUInt64(_bytes);
        if (checksum != _handle.Checksum)
            throw new InvalidOperationException(
                $"The {_what} (payload {_handle.Id}, {_bytes.LongLength} bytes from silo {_handle.Silo}) failed its checksum: {checksum:x16} instead of {_handle.Checksum:x16}.");
        return new MatrixPayload(_remote.Element, _remote.Rows, _remote.Cols, _bytes);
    }
}
