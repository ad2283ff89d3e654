using System.Collections.Concurrent;
using System.IO.Hashing;
using Idl.Grains.Contracts;
using Idl.Grains.Transfer;
using Idl.Numerics;

namespace Idl.Grains.Tests.Transfer;

public sealed class PayloadFetcherTests
{
    private const int Chunk = 1000;
    private readonly ConcurrentDictionary<Guid, MatrixPayload> _held = new();
    private readonly ConcurrentBag<long> _reads = [];

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(1, 124)]
    [InlineData(1, 125)]
    [InlineData(1, 126)]
    [InlineData(37, 91)]
    public async Task FetchAsync_AnySizeAcrossChunkEdges_BitForBit(int rows, int cols)
    {
        var local = Payload(rows, cols);
        var fetched = await Fetcher(long.MaxValue, corrupt: false).FetchAsync(Remote(local), "test A");

        Assert.Null(fetched.Handle);
        Assert.Equal((rows, cols, PayloadElement.Float64), (fetched.Rows, fetched.Cols, fetched.Element));
        Assert.Equal(local.Bytes, fetched.Bytes);
        Assert.Equal(Enumerable.Range(0, (int)((local.DataBytes + Chunk - 1) / Chunk)).Select(c => (long)c * Chunk), _reads.Order());
    }

    [Fact]
    public async Task FetchAsync_LocalPayload_ReturnsTheSameInstance()
    {
        var local = Payload(3, 3);
        Assert.Same(local, await Fetcher(long.MaxValue, corrupt: false).FetchAsync(local, "test A"));
        Assert.Empty(_reads);
    }

    [Fact]
    public async Task FetchAsync_CorruptedChunk_ThrowsNamingTheFieldAndChecksum()
    {
        var remote = Remote(Payload(10, 30));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Fetcher(long.MaxValue, corrupt: true).FetchAsync(remote, "gradient contribution B"));
        Assert.Contains("gradient contribution B", e.Message);
        Assert.Contains("checksum", e.Message);
    }

    [Fact]
    public async Task FetchAsync_ShortChunk_ThrowsNamingOffsetAndLength()
    {
        var remote = Remote(Payload(10, 30));
        var fetcher = new PayloadFetcher((h, offset, count, _) => Task.FromResult(new byte[count - 1]), Chunk, long.MaxValue);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => fetcher.FetchAsync(remote, "model parameters A"));
        Assert.Contains("model parameters A chunk at byte 0", e.Message);
        Assert.Contains("999 bytes, not 1000", e.Message);
    }

    [Fact]
    public async Task FetchAsync_OverTheHardLimit_ThrowsBeforeReadingAnything()
    {
        var remote = Remote(Payload(300, 300));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Fetcher(64 << 10, corrupt: false).FetchAsync(remote, "model parameters A"));
        Assert.Contains("model parameters A would be 720009 bytes", e.Message);
        Assert.Contains("65536 bytes limit", e.Message);
        Assert.Contains("MaxPayloadBytes", e.Message);
        Assert.Empty(_reads);
    }

    [Fact]
    public void AsSpan_RemotePayload_ThrowsSayingToFetchIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Remote(Payload(2, 2)).AsSpan<double>().Length);
        Assert.Contains("fetch it", e.Message);
    }

    private static MatrixPayload Payload(int rows, int cols)
    {
        var m = new Matrix<double>(rows, cols);
        for (int i = 0; i < m.Length; i++) m.Data[i] = Math.Sin(i) * 1e3 + i;
        return MatrixPayload.From(m);
    }

    // Holds local as a reader grain's silo would and returns the handle-only twin that travels instead.
    private MatrixPayload Remote(MatrixPayload local)
    {
        var handle = new PayloadHandle("S127.0.0.1:1:1", Guid.NewGuid(), XxHash3.HashToUInt64(local.ByteSpan));
        _held[handle.Id] = local;
        return MatrixPayload.Remote(local.Element, local.Rows, local.Cols, handle);
    }

    // Reads from the held payloads as PayloadReaderGrain does; corrupt flips one bit of the second chunk.
    private PayloadFetcher Fetcher(long maxBytes, bool corrupt) => new((h, offset, count, _) =>
    {
        _reads.Add(offset);
        var bytes = _held[h.Id].ByteSpan.Slice((int)offset, count).ToArray();
        if (corrupt && offset == Chunk) bytes[7] ^= 1;
        return Task.FromResult(bytes);
    }, Chunk, maxBytes);
}
