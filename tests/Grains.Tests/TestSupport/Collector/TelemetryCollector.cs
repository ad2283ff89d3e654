using System.IO.Compression;
using System.Net;

namespace Idl.Grains.Tests.TestSupport.Collector;

/// <summary>
/// A collector on 127.0.0.1 (no Docker, no network here) that takes what real ones take: OTLP/HTTP protobuf at
/// /v1/traces and /v1/metrics (content type application/x-protobuf, as the OpenTelemetry Collector requires),
/// Zipkin v2 JSON at /api/v2/spans, and OTLP/gRPC on a second port (<see cref="GrpcReceiver"/>). Any other path or
/// content type gets the 404 or 415 a real collector answers, and is kept in <see cref="Rejected"/> so a test can
/// show nothing went astray.
/// </summary>
internal sealed class TelemetryCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly GrpcReceiver _grpc;
    private readonly object _gate = new();
    private readonly List<CollectedSpan> _spans = [];
    private readonly List<CollectedMetric> _metrics = [];
    private readonly List<string> _rejected = [];

    public TelemetryCollector()
    {
        // FreePort then bind can race with another test taking the port; a few tries make that harmless.
        for (int attempt = 0; ; attempt++)
        {
            Port = Idl.Grains.Hosting.LoopbackPorts.Free();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5) { _listener.Prefixes.Clear(); }
        }
        _loop = Task.Run(LoopAsync);
        _grpc = new GrpcReceiver(Accept, Reject);
    }

    public int Port { get; }


    /// <summary>OTLP/HTTP and Zipkin.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>OTLP/gRPC (cleartext HTTP/2), on its own port as on a real collector (4317 beside 4318).</summary>
    public Uri GrpcAddress => _grpc.Address;

    public IReadOnlyList<CollectedSpan> Spans { get { lock (_gate) return [.. _spans]; } }

    public IReadOnlyList<CollectedMetric> Metrics { get { lock (_gate) return [.. _metrics]; } }

    /// <summary>"METHOD path content-type" of each request answered with an error.</summary>
    public IReadOnlyList<string> Rejected { get { lock (_gate) return [.. _rejected]; } }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try { Handle(context); }
            catch (Exception e)
            {
                Reject($"{context.Request.HttpMethod} {context.Request.Url?.AbsolutePath}: {e.GetType().Name} {e.Message}");
                context.Response.StatusCode = 400;
            }
            context.Response.Close();
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        string path = request.Url!.AbsolutePath, type = request.ContentType ?? "";
        string? expected = path switch
        {
            "/v1/traces" or "/v1/metrics" => "application/x-protobuf",
            "/api/v2/spans" => "application/json",
            _ => null,
        };
        if (request.HttpMethod != "POST" || expected is null || !type.StartsWith(expected, StringComparison.OrdinalIgnoreCase))
        {
            Reject($"{request.HttpMethod} {path} {type}");
            context.Response.StatusCode = expected is null ? 404 : 415;
            return;
        }
        Accept(path, Body(request));
        // An empty ExportTraceServiceResponse / ExportMetricsServiceResponse is zero bytes; Zipkin answers 202.
        context.Response.StatusCode = path == "/api/v2/spans" ? 202 : 200;
        if (path != "/api/v2/spans") context.Response.ContentType = "application/x-protobuf";
    }

    private void Accept(string path, ReadOnlyMemory<byte> body)
    {
        List<CollectedSpan> spans = path switch
        {
            "/v1/traces" => [.. OtlpDecoder.Spans(body)],
            "/api/v2/spans" => [.. ZipkinDecoder.Spans(body)],
            _ => [],
        };
        List<CollectedMetric> metrics = path == "/v1/metrics" ? [.. OtlpDecoder.Metrics(body)] : [];
        lock (_gate)
        {
            _spans.AddRange(spans);
            _metrics.AddRange(metrics);
        }
    }

    private void Reject(string request)
    {
        lock (_gate) _rejected.Add(request);
    }

    private static byte[] Body(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        Stream body = request.Headers["Content-Encoding"] == "gzip" ? new GZipStream(request.InputStream, CompressionMode.Decompress) : request.InputStream;
        body.CopyTo(buffer);
        return buffer.ToArray();
    }

    public void Dispose()
    {
        _grpc.Dispose();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
