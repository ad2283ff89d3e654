namespace Idl.Grains.Options;

/// <summary>Where a silo, or the <c>idl</c> CLI with its embedded silo or cluster client, sends its traces and metrics
/// ("Telemetry" section, --telemetry, --otlp-protocol, --otlp-endpoint, --zipkin-endpoint).</summary>
public sealed class TelemetryOptions
{
    /// <summary>otlp, zipkin, console or none (default: nothing is exported and no listener costs anything).</summary>
    public string Exporter { get; set; } = "none";

    /// <summary>"grpc" (default, collector port 4317) or "http/protobuf" (port 4318), the values of the OpenTelemetry
    /// variable OTEL_EXPORTER_OTLP_PROTOCOL.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>The collector's base address. Default http://localhost:4317 for grpc, http://localhost:4318 for
    /// http/protobuf, whose signal paths /v1/traces and /v1/metrics are appended to it (as to OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Zipkin span endpoint, the full path. Default http://localhost:9411/api/v2/spans.</summary>
    public Uri ZipkinEndpoint { get; set; } = new("http://localhost:9411/api/v2/spans");

    /// <summary>Exporters this build knows.</summary>
    public static readonly string[] Exporters = ["otlp", "zipkin", "console", "none"];

    /// <summary>OTLP protocols this build knows.</summary>
    public static readonly string[] OtlpProtocols = ["grpc", "http/protobuf"];

    /// <summary>True for http/protobuf, false for grpc.</summary>
    public bool IsOtlpHttp => string.Equals(OtlpProtocol, "http/protobuf", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where one signal ("traces" or "metrics") goes. gRPC takes the base address (the service path is in
    /// the protocol); OTLP/HTTP needs the signal path, and the exporter appends none to an endpoint set in code.</summary>
    public Uri OtlpEndpointFor(string signal)
    {
        if (!IsOtlpHttp) return OtlpEndpoint ?? new Uri("http://localhost:4317");
        string root = (OtlpEndpoint ?? new Uri("http://localhost:4318")).AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/v1/{signal}");
    }
}

/// <summary>Checks <see cref="TelemetryOptions"/> before anything starts; each message names its flag.</summary>
public static class TelemetryOptionsValidator
{
    /// <exception cref="OrleansConfigurationException">An option is invalid; the message names it.</exception>
    public static void Validate(TelemetryOptions options)
    {
        if (!TelemetryOptions.Exporters.Contains(options.Exporter.ToLowerInvariant()))
            throw new OrleansConfigurationException($"Telemetry:Exporter (--telemetry) = '{options.Exporter}' must be one of {string.Join(", ", TelemetryOptions.Exporters)}.");
        if (!TelemetryOptions.OtlpProtocols.Contains(options.OtlpProtocol.ToLowerInvariant()))
            throw new OrleansConfigurationException($"Telemetry:OtlpProtocol (--otlp-protocol) = '{options.OtlpProtocol}' must be one of {string.Join(", ", TelemetryOptions.OtlpProtocols)}.");
        if (options.OtlpEndpoint is { } otlp)
        {
            if (!otlp.IsAbsoluteUri || (otlp.Scheme != Uri.UriSchemeHttp && otlp.Scheme != Uri.UriSchemeHttps))
                throw new OrleansConfigurationException($"Telemetry:OtlpEndpoint (--otlp-endpoint) = '{otlp}' must be an absolute http:// or https:// address.");
            // A signal path here would become .../v1/traces/v1/metrics for the metrics: say so at start, not as 404s.
            string path = otlp.AbsolutePath.TrimEnd('/');
            if (options.IsOtlpHttp && (path.EndsWith("/v1/traces", StringComparison.Ordinal) || path.EndsWith("/v1/metrics", StringComparison.Ordinal)))
                throw new OrleansConfigurationException($"Telemetry:OtlpEndpoint (--otlp-endpoint) = '{otlp}' must be the collector's base address (e.g. http://collector:4318); /v1/traces and /v1/metrics are appended.");
        }
        if (!options.ZipkinEndpoint.IsAbsoluteUri || (options.ZipkinEndpoint.Scheme != Uri.UriSchemeHttp && options.ZipkinEndpoint.Scheme != Uri.UriSchemeHttps))
            throw new OrleansConfigurationException($"Telemetry:ZipkinEndpoint (--zipkin-endpoint) = '{options.ZipkinEndpoint}' must be an absolute http:// or https:// address.");
    }
}
