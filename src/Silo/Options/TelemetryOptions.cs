namespace Idl.Silo.Options;

/// <summary>Where the silo sends its traces and metrics ("Telemetry" section, --telemetry, --otlp-endpoint).</summary>
public sealed class TelemetryOptions
{
    /// <summary>otlp, zipkin, console or none (default: nothing is exported and no listener costs anything).</summary>
    public string Exporter { get; set; } = "none";

    /// <summary>OTLP (gRPC) collector endpoint. Default http://localhost:4317.</summary>
    public Uri OtlpEndpoint { get; set; } = new("http://localhost:4317");

    /// <summary>Zipkin span endpoint. Default http://localhost:9411/api/v2/spans.</summary>
    public Uri ZipkinEndpoint { get; set; } = new("http://localhost:9411/api/v2/spans");

    /// <summary>Exporters this build knows.</summary>
    public static readonly string[] Exporters = ["otlp", "zipkin", "console", "none"];
}
