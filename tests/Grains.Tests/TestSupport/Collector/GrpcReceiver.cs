using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Idl.Grains.Tests.TestSupport.Collector;

/// <summary>
/// OTLP/gRPC without a gRPC server: just enough cleartext HTTP/2 (RFC 9113, prior knowledge, as the exporter speaks
/// to an http:// endpoint) to take unary calls. It reads the connection preface and frames, acknowledges settings and
/// pings, returns flow-control credit for all data, finds :path in the header block (.NET's HPACK encoder writes
/// literals without Huffman coding), strips the 5-byte gRPC message prefix and hands the protobuf to
/// <paramref name="accept"/>; the answer is :status 200, content-type application/grpc, an empty message and
/// grpc-status 0.
/// </summary>
internal sealed class GrpcReceiver : IDisposable
{
    public const string TracePath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    public const string MetricsPath = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();
    private const byte Data = 0, Headers = 1, Settings = 4, Ping = 6, GoAway = 7, WindowUpdate = 8, Continuation = 9;
    private const byte EndStream = 1, Ack = 1, EndHeaders = 4, Padded = 8, Priority = 0x20;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Action<string, ReadOnlyMemory<byte>> _accept;
    private readonly Action<string> _reject;
    private readonly Task _loop;

    public GrpcReceiver(Action<string, ReadOnlyMemory<byte>> accept, Action<string> reject)
    {
        (_accept, _reject) = (accept, reject);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(async () =>
            {
                using (client)
                    try { await ServeAsync(client.GetStream()); }
                    catch (Exception e) when (e is IOException or EndOfStreamException or SocketException) { }
                    catch (Exception e) { _reject($"gRPC connection: {e.GetType().Name} {e.Message}"); }
            });
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        var preface = new byte[Preface.Length];
        await stream.ReadExactlyAsync(preface);
        if (!preface.AsSpan().SequenceEqual(Preface)) throw new InvalidDataException("Not an HTTP/2 prior-knowledge connection.");
        await WriteFrameAsync(stream, Settings, 0, 0, []);
        var paths = new Dictionary<int, string>();
        var bodies = new Dictionary<int, MemoryStream>();
        var header = new byte[9];
        while (true)
        {
            await stream.ReadExactlyAsync(header);
            int length = header[0] << 16 | header[1] << 8 | header[2];
            byte type = header[3], flags = header[4];
            int id = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5)) & int.MaxValue;
            var payload = new byte[length];
            await stream.ReadExactlyAsync(payload);
            switch (type)
            {
                case Settings when (flags & Ack) == 0:
                    await WriteFrameAsync(stream, Settings, Ack, 0, []);
                    break;
                case Ping when (flags & Ack) == 0:
                    await WriteFrameAsync(stream, Ping, Ack, 0, payload);
                    break;
                case Headers or Continuation:
                    // Header block text, to find :path in; trailers (none from a unary client) would only add to it.
                    paths[id] = paths.GetValueOrDefault(id, "") + Encoding.Latin1.GetString(Unpad(payload, flags, type == Headers));
                    if ((flags & EndStream) != 0) await RespondAsync(stream, id, paths, bodies);
                    break;
                case Data:
                    var body = bodies.TryGetValue(id, out var b) ? b : bodies[id] = new MemoryStream();
                    body.Write(Unpad(payload, flags, priority: false));
                    if (length > 0)
                    {
                        await WriteFrameAsync(stream, WindowUpdate, 0, 0, Increment(length));
                        await WriteFrameAsync(stream, WindowUpdate, 0, id, Increment(length));
                    }
                    if ((flags & EndStream) != 0) await RespondAsync(stream, id, paths, bodies);
                    break;
                case GoAway:
                    return;
            }
        }
    }

    private async Task RespondAsync(NetworkStream stream, int id, Dictionary<int, string> paths, Dictionary<int, MemoryStream> bodies)
    {
        string block = paths.GetValueOrDefault(id, "");
        string? path = new[] { TracePath, MetricsPath }.FirstOrDefault(p => block.Contains(p, StringComparison.Ordinal));
        var message = bodies.TryGetValue(id, out var body) ? body.ToArray() : [];
        // gRPC length-prefixed message: compressed flag (0: the exporter does not compress by default), big-endian length.
        if (path is null || message.Length < 5 || message[0] != 0 || BinaryPrimitives.ReadInt32BigEndian(message.AsSpan(1)) != message.Length - 5)
            _reject($"gRPC stream {id}: path {path ?? "unknown"} in [{block}], {message.Length} bytes");
        else _accept(path == TracePath ? "/v1/traces" : "/v1/metrics", message.AsMemory(5));
        paths.Remove(id);
        bodies.Remove(id);
        // :status 200 is static-table entry 8; content-type (entry 31) and grpc-status are literals without indexing.
        byte[] responseHeaders = [0x88, 0x0F, 0x10, 16, .. "application/grpc"u8];
        byte[] trailers = [0x00, 11, .. "grpc-status"u8, 1, (byte)'0'];
        await WriteFrameAsync(stream, Headers, EndHeaders, id, responseHeaders);
        await WriteFrameAsync(stream, Data, 0, id, [0, 0, 0, 0, 0]);
        await WriteFrameAsync(stream, Headers, EndHeaders | EndStream, id, trailers);
    }

    private static ReadOnlySpan<byte> Unpad(byte[] payload, byte flags, bool priority)
    {
        var span = payload.AsSpan();
        int pad = 0;
        if ((flags & Padded) != 0)
        {
            pad = span[0];
            span = span[1..];
        }
        if (priority && (flags & Priority) != 0) span = span[5..];
        return span[..^pad];
    }

    private static byte[] Increment(int length)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, length);
        return bytes;
    }

    private static async Task WriteFrameAsync(NetworkStream stream, byte type, int flags, int id, byte[] payload)
    {
        var frame = new byte[9 + payload.Length];
        (frame[0], frame[1], frame[2], frame[3], frame[4]) = ((byte)(payload.Length >> 16), (byte)(payload.Length >> 8), (byte)payload.Length, type, (byte)flags);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), id);
        payload.CopyTo(frame, 9);
        await stream.WriteAsync(frame);
    }

    public void Dispose()
    {
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
