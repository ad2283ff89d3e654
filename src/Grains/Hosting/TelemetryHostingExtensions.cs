using Idl.Grains.Telemetry;
using Idl.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Idl.Grains.Hosting;

/// <summary>Exports a process's traces (Orleans' and idl's sources) and metrics to the configured backend: a silo's,
/// or the <c>idl</c> CLI's (its embedded silo, or its cluster client, whose spans start the trace).</summary>
public static class TelemetryHostingExtensions
{
    /// <summary>The silo's service.name resource attribute (Zipkin's localEndpoint.serviceName).</summary>
    public const string ServiceName = "idl-silo";

    /// <summary>The CLI's service.name.</summary>
    public const string ClientServiceName = "idl";

    /// <summary>Adds OpenTelemetry with the exporter in <paramref name="options"/>; "none" adds nothing. The tracer and
    /// meter providers are host services: disposing the host (RunAsync does, after SIGTERM or Ctrl-C) exports what is
    /// still batched, the metrics' last interval included.</summary>
    /// <exception cref="OrleansConfigurationException">An option is invalid; the message names its flag.</exception>
    public static IHostApplicationBuilder AddIdlTelemetry(this IHostApplicationBuilder builder, TelemetryOptions options, string serviceName = ServiceName)
    {
        TelemetryOptionsValidator.Validate(options);
        string exporter = options.Exporter.ToLowerInvariant();
        if (exporter == "none") return builder;
        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(serviceName));
        otel.WithTracing(t =>
        {
            // Every process needs a listener on the application source, or the trace breaks at this silo.
            t.AddSource("Microsoft.Orleans.Application", TrainingTelemetry.Name);
            _ = exporter switch
            {
                "otlp" => t.AddOtlpExporter(o => ConfigureOtlp(o, options, "traces")),
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
                _ = exporter == "otlp" ? m.AddOtlpExporter(o => ConfigureOtlp(o, options, "metrics")) : m.AddConsoleExporter();
            });
        return builder;
    }

    private static void ConfigureOtlp(OtlpExporterOptions o, TelemetryOptions options, string signal)
    {
        o.Protocol = options.IsOtlpHttp ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        o.Endpoint = options.OtlpEndpointFor(signal);
    }
}
