namespace Idl.Grains.Tests.TestSupport.Collector;

/// <summary>Decodes OTLP ExportTraceServiceRequest and ExportMetricsServiceRequest bodies (opentelemetry-proto,
/// collector/trace/v1 and collector/metrics/v1) with <see cref="ProtoReader"/>; field numbers are the proto's.</summary>
internal static class OtlpDecoder
{
    public static IEnumerable<CollectedSpan> Spans(ReadOnlyMemory<byte> request)
    {
        foreach (var resourceSpans in Children(request, 1))
        {
            string? service = ServiceName(resourceSpans);
            foreach (var scopeSpans in Children(resourceSpans, 2))
            foreach (var span in Children(scopeSpans, 2))
            {
                var f = ProtoReader.Fields(span).ToLookup(x => x.Number);
                string? parent = f[4].Select(x => x.Hex).FirstOrDefault(h => h.Length > 0);
                yield return new(f[1].Single().Hex, f[2].Single().Hex, parent, f[5].Single().String, service, Attributes(f[9]));
            }
        }
    }

    public static IEnumerable<CollectedMetric> Metrics(ReadOnlyMemory<byte> request)
    {
        foreach (var resourceMetrics in Children(request, 1))
        {
            string? service = ServiceName(resourceMetrics);
            foreach (var scopeMetrics in Children(resourceMetrics, 2))
            {
                string scope = Children(scopeMetrics, 1).Select(s => Children(s, 1).Select(Text).FirstOrDefault()).FirstOrDefault() ?? "";
                foreach (var metric in Children(scopeMetrics, 2))
                {
                    var f = ProtoReader.Fields(metric).ToLookup(x => x.Number);
                    string name = f[1].Single().String, unit = f[3].Select(x => x.String).FirstOrDefault() ?? "";
                    if (f[9].Any())
                    {
                        // Histogram.data_points = 1; HistogramDataPoint.count = 4 (fixed64), sum = 5 (double).
                        var points = f[9].SelectMany(h => Children(h.Bytes, 1)).Select(p => ProtoReader.Fields(p).ToLookup(x => x.Number)).ToList();
                        yield return new(scope, name, unit, "histogram", service,
                            (ulong)points.Sum(p => (decimal)p[4].Single().Scalar), points.Sum(p => p[5].Select(x => x.Double).SingleOrDefault()));
                    }
                    else if (f[7].Any())
                    {
                        // Sum.data_points = 1; NumberDataPoint.as_double = 4, as_int = 6 (sfixed64).
                        var points = f[7].SelectMany(s => Children(s.Bytes, 1)).Select(p => ProtoReader.Fields(p).ToLookup(x => x.Number)).ToList();
                        yield return new(scope, name, unit, "sum", service, (ulong)points.Count,
                            points.Sum(p => p[6].Any() ? (long)p[6].Single().Scalar : p[4].Select(x => x.Double).SingleOrDefault()));
                    }
                    else yield return new(scope, name, unit, "other", service, 0, 0);
                }
            }
        }
    }

    // Resource = 1 in ResourceSpans and ResourceMetrics; Resource.attributes = 1.
    private static string? ServiceName(ReadOnlyMemory<byte> resourceEnvelope) =>
        Children(resourceEnvelope, 1).Select(r => Attributes(ProtoReader.Fields(r).Where(x => x.Number == 1)))
            .Select(a => a.GetValueOrDefault("service.name") as string).FirstOrDefault();

    // KeyValue { key = 1; AnyValue value = 2 }; AnyValue { string = 1; bool = 2; int = 3; double = 4; ... }.
    private static Dictionary<string, object> Attributes(IEnumerable<ProtoField> keyValues)
    {
        var attributes = new Dictionary<string, object>();
        foreach (var kv in keyValues)
        {
            var f = ProtoReader.Fields(kv.Bytes).ToLookup(x => x.Number);
            var value = f[2].Select(v => ProtoReader.Fields(v.Bytes).Single()).Select(v => v.Number switch
            {
                1 => (object)v.String,
                2 => v.Scalar != 0,
                3 => (long)v.Scalar,
                4 => v.Double,
                _ => $"<AnyValue field {v.Number}>",
            }).Single();
            attributes[f[1].Single().String] = value;
        }
        return attributes;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Children(ReadOnlyMemory<byte> message, int field) =>
        ProtoReader.Fields(message).Where(x => x.Number == field).Select(x => x.Bytes);

    private static string Text(ReadOnlyMemory<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes.Span);
}
