using System.Net;
using Idl.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// An idl silo: localhost clustering (the primary silo holds the membership table), the atomic file grain store,
// distributed training. Flags: --silo-port, --gateway-port, --primary host:port, --storage file:<dir>.
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--silo-port"] = "Silo:SiloPort", ["--gateway-port"] = "Silo:GatewayPort",
    ["--primary"] = "Silo:Primary", ["--storage"] = "Silo:Storage",
});
var config = builder.Configuration.GetSection("Silo");
int siloPort = config.GetValue("SiloPort", 11111);
int gatewayPort = config.GetValue("GatewayPort", 30000);
string? primary = config["Primary"];
string storage = config["Storage"] ?? "file:data/grains";
if (!storage.StartsWith("file:", StringComparison.Ordinal))
    throw new ArgumentException($"--storage {storage}: only file:<dir> is supported by this build.");

builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(siloPort, gatewayPort, primary is null ? null : IPEndPoint.Parse(primary));
    silo.AddAtomicFileGrainStorage(storage["file:".Length..]);
    silo.AddImplicitTraining(o => config.GetSection("Training").Bind(o));
});
await builder.Build().RunAsync();
