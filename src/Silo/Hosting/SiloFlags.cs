namespace Idl.Silo.Hosting;

/// <summary>The silo's command-line flags and the configuration keys they set (flags override appsettings.json and
/// IDL_-prefixed environment variables such as IDL_Silo__ClusterId).</summary>
public static class SiloFlags
{
    /// <summary>Flag → configuration key.</summary>
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>
    {
        ["--silo-port"] = "Silo:SiloPort", ["--gateway-port"] = "Silo:GatewayPort", ["--primary"] = "Silo:Primary",
        ["--clustering"] = "Silo:Clustering", ["--cluster-id"] = "Silo:ClusterId", ["--service-id"] = "Silo:ServiceId",
        ["--storage"] = "Silo:Storage", ["--listen"] = "Silo:Listen", ["--advertise"] = "Silo:Advertise",
        ["--tls-cert"] = "Silo:TlsCertificate", ["--tls-password"] = "Silo:TlsPassword",
        ["--telemetry"] = "Telemetry:Exporter", ["--otlp-protocol"] = "Telemetry:OtlpProtocol",
        ["--otlp-endpoint"] = "Telemetry:OtlpEndpoint", ["--zipkin-endpoint"] = "Telemetry:ZipkinEndpoint",
    };
}
