using System.Text.Json;

namespace Idl.Grains.Tests.TestSupport.Collector;

/// <summary>Decodes a Zipkin v2 JSON span list (POST /api/v2/spans): name, traceId, id, parentId,
/// localEndpoint.serviceName and tags (always strings in v2).</summary>
internal static class ZipkinDecoder
{
    public static IEnumerable<CollectedSpan> Spans(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var spans = new List<CollectedSpan>();
        foreach (var span in document.RootElement.EnumerateArray())
        {
            var tags = new Dictionary<string, object>();
            if (span.TryGetProperty("tags", out var t))
                foreach (var tag in t.EnumerateObject()) tags[tag.Name] = tag.Value.GetString()!;
            string? service = span.TryGetProperty("localEndpoint", out var local) && local.TryGetProperty("serviceName", out var s) ? s.GetString() : null;
            string? parent = span.TryGetProperty("parentId", out var p) ? p.GetString() : null;
            spans.Add(new(span.GetProperty("traceId").GetString()!, span.GetProperty("id").GetString()!, parent,
                span.GetProperty("name").GetString()!, service, tags));
        }
        return spans;
    }
}
