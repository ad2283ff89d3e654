using System.CommandLine;
using Idl.Grains.Options;

namespace Idl.Client.Commands;

/// <summary>How a command reaches a running cluster: <c>--cluster</c> (gateways or azure:&lt;connection&gt;),
/// <c>--cluster-id</c>, <c>--service-id</c> (required with azure), <c>--tls-cert</c>, <c>--tls-password</c>.
/// Each falls back to an IDL_* environment variable so that secrets need not be on the command line. Also where this
/// process exports its traces and metrics (<c>--telemetry</c> and the endpoints, as the silo's flags).</summary>
internal sealed class ClusterConnectOptions(Option<string?> cluster)
{
    public Option<string?> Cluster { get; } = cluster;
    public Option<string?> ClusterId { get; } = new("--cluster-id") { Description = "Cluster id of the silos (required with --cluster azure:...; env IDL_CLUSTER_ID)." };
    public Option<string?> ServiceId { get; } = new("--service-id") { Description = "Service id of the silos (required with --cluster azure:...; env IDL_SERVICE_ID)." };
    public Option<string?> TlsCert { get; } = new("--tls-cert") { Description = "PKCS#12 file with the cluster's TLS certificate (env IDL_TLS_CERT)." };
    public Option<string?> TlsPassword { get; } = new("--tls-password") { Description = "Password of --tls-cert (env IDL_TLS_PASSWORD)." };
    public Option<double> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "Seconds to wait for the cluster's gateways before failing (raise on slow networks).",
        DefaultValueFactory = _ => 10,
    };
    public Option<string> Telemetry { get; } = new("--telemetry")
    {
        Description = "Export this process's traces and metrics (the embedded silo's, or the client's): otlp, zipkin, console or none.",
        DefaultValueFactory = _ => "none",
    };
    public Option<string> OtlpProtocol { get; } = new("--otlp-protocol") { Description = "grpc (port 4317) or http/protobuf (port 4318).", DefaultValueFactory = _ => "grpc" };
    public Option<string?> OtlpEndpoint { get; } = new("--otlp-endpoint") { Description = "The OTLP collector's base address (default http://localhost:4317, or :4318 for http/protobuf)." };
    public Option<string?> ZipkinEndpoint { get; } = new("--zipkin-endpoint") { Description = "Zipkin's span endpoint (default http://localhost:9411/api/v2/spans)." };

    /// <summary>Adds every option but <see cref="Cluster"/> (which the caller owns).</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { ClusterId, ServiceId, ConnectTimeout, TlsCert, TlsPassword, Telemetry, OtlpProtocol, OtlpEndpoint, ZipkinEndpoint })
            command.Options.Add(option);
    }

    /// <summary>The cluster to connect to, or null when <c>--cluster</c> is absent (an embedded silo).</summary>
    /// <exception cref="UsageException">A malformed <c>--cluster</c>, missing ids, or a missing certificate file.</exception>
    public ClusterClientOptions? Target(ParseResult p)
    {
        string? cluster = p.GetValue(Cluster);
        if (cluster is null) return null;
        string? tls = p.GetValue(TlsCert) ?? Env("IDL_TLS_CERT");
        if (tls is not null && !File.Exists(tls)) throw UsageException.For("--tls-cert", tls, "no such file");
        double timeout = p.GetValue(ConnectTimeout);
        if (!(timeout > 0 && timeout <= 3600)) throw UsageException.For("--connect-timeout", timeout, "must be a number of seconds in (0, 3600]");
        try
        {
            var options = ClusterClientOptions.Parse(cluster, p.GetValue(ClusterId) ?? Env("IDL_CLUSTER_ID"), p.GetValue(ServiceId) ?? Env("IDL_SERVICE_ID"),
                tls, p.GetValue(TlsPassword) ?? Env("IDL_TLS_PASSWORD"));
            options.ConnectTimeout = TimeSpan.FromSeconds(timeout);
            return options;
        }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }

    /// <summary>The exporter settings of <c>--telemetry</c> and its endpoints.</summary>
    /// <exception cref="UsageException">An unknown exporter or protocol, or an endpoint that is not an absolute http(s) address.</exception>
    public TelemetryOptions TelemetryFor(ParseResult p)
    {
        var options = new TelemetryOptions
        {
            Exporter = p.GetValue(Telemetry)!, OtlpProtocol = p.GetValue(OtlpProtocol)!,
            OtlpEndpoint = Endpoint(p, OtlpEndpoint), ZipkinEndpoint = Endpoint(p, ZipkinEndpoint) ?? new TelemetryOptions().ZipkinEndpoint,
        };
        try { TelemetryOptionsValidator.Validate(options); }
        catch (OrleansConfigurationException e) { throw new UsageException(e.Message); }
        return options;
    }

    private static Uri? Endpoint(ParseResult p, Option<string?> option) => p.GetValue(option) is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw UsageException.For(option.Name, text, "must be an absolute http:// or https:// address");

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
