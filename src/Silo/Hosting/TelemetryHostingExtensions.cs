using Idl.Grains.Telemetry;
using Idl.Silo.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Idl.Silo.Hosting;

/// <summary>Exports the silo's traces (Orleans' and idl's sources) and metrics to the configured backend.</summary>
public static class TelemetryHostingExtensions
{
    /// <summary>Adds OpenTelemetry with the exporter in <paramref name="options"/>; "none" adds nothing.</summary>
    /// <exception cref="OrleansConfigurationException">Unknown exporter; the message names --telemetry.</exception>
    public static IHostApplicationBuilder AddIdlTelemetry(this IHostApplicationBuilder builder, TelemetryOptions options)
    {
        string exporter = options.Exporter.ToLowerInvariant();
        if (!TelemetryOptions.Exporters.Contains(exporter))
            throw new OrleansConfigurationException($"Telemetry:Exporter (--telemetry) = '{options.Exporter}' must be one of {string.Join(", ", TelemetryOptions.Exporters)}.");
        if (exporter == "none") return builder;
        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("idl-silo"));
        otel.WithTracing(t =>
        {
            // Every process needs a listener on the application source, or the trace breaks at this silo.
            t.AddSource("Microsoft.Orleans.Application", TrainingTelemetry.Name);
            _ = exporter switch
            {
                "otlp" => t.AddOtlpExporter(o => o.Endpoint = options.OtlpEndpoint),
                // The issue asks for Zipkin; OpenTelemetry 1.20 marks its exporter obsolete in favour of OTLP (which
                // a Zipkin behind a collector also takes). Kept until a release removes it.
#pragma warning disable CS0618
                "zipkin" => t.AddZipkinExporter(o => o.Endpoint = options.ZipkinEndpoint),
#pragma warning restore CS0618
                _ => t.AddConsoleExporter(),
            };
        });
        if (exporter is "otlp" or "console")
            otel.WithMetrics(m =>
            {
                m.AddMeter("Microsoft.Orleans", TrainingTelemetry.Name);
                _ = exporter == "otlp" ? m.AddOtlpExporter(o => o.Endpoint = options.OtlpEndpoint) : m.AddConsoleExporter();
            });
        return builder;
    }
}
