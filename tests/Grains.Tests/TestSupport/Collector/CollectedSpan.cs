namespace Idl.Grains.Tests.TestSupport.Collector;

/// <summary>A span as a collector received it, ids in lower-case hex (the parent is null for a root). Attribute
/// values keep their wire type: long, double, bool or string (Zipkin sends every tag as a string).</summary>
internal sealed record CollectedSpan(string TraceId, string SpanId, string? ParentId, string Name, string? ServiceName,
    IReadOnlyDictionary<string, object> Attributes)
{
    /// <summary>The attribute as a number, whichever way the wire carried it.</summary>
    public double Number(string key) =>
        Attributes.TryGetValue(key, out var value)
            ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new KeyNotFoundException($"Span '{Name}' has no attribute {key}; it has {string.Join(", ", Attributes.Keys)}.");
}

/// <summary>One metric stream from an OTLP export: its scope (meter), name, unit, and the totals over its data points
/// (the histogram count and sum, or the sum's value).</summary>
internal sealed record CollectedMetric(string Scope, string Name, string Unit, string Kind, string? ServiceName, ulong Count, double Sum);
