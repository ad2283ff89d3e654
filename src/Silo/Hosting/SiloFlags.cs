using Microsoft.Extensions.Configuration;

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
        ["--kubernetes"] = KubernetesHosting.Key,
        ["--telemetry"] = "Telemetry:Exporter", ["--otlp-protocol"] = "Telemetry:OtlpProtocol",
        ["--otlp-endpoint"] = "Telemetry:OtlpEndpoint", ["--zipkin-endpoint"] = "Telemetry:ZipkinEndpoint",
        ["--dashboard-port"] = "Dashboard:Port", ["--dashboard-address"] = "Dashboard:Address", ["--dashboard-token"] = "Dashboard:Token",
    };

    /// <summary>Flags that may stand alone and then mean "true".</summary>
    public static readonly IReadOnlySet<string> Switches = new HashSet<string> { "--kubernetes" };

    /// <summary>Rewrites a switch given without a value as <c>--switch=true</c>. The configuration's command-line
    /// parser pairs every flag with the next argument, so a bare <c>--kubernetes --silo-port 1</c> would read
    /// "--silo-port" as its value and lose the port.</summary>
    public static string[] Normalize(IReadOnlyList<string> args)
    {
        var result = new string[args.Count];
        for (int i = 0; i < args.Count; i++)
        {
            bool bare = Switches.Contains(args[i]) && (i + 1 == args.Count || args[i + 1].StartsWith('-'));
            result[i] = bare ? args[i] + "=true" : args[i];
        }
        return result;
    }

    /// <summary>Adds the flags (already <see cref="Normalize"/>d) as the last configuration source, mapped by <see cref="Map"/>.</summary>
    public static IConfigurationBuilder AddSiloFlags(this IConfigurationBuilder configuration, IReadOnlyList<string> flags) =>
        configuration.AddCommandLine(flags.ToArray(), new Dictionary<string, string>(Map));
}
