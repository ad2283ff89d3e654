using Idl.Grains.Hosting;
using Idl.Grains.Options;
using Idl.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// An idl silo configured from appsettings.json, IDL_* environment variables and flags (see SiloFlags): localhost or
// Azure Table clustering, the atomic file store or Azure Blob, optional TLS and telemetry, distributed training.
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddEnvironmentVariables("IDL_").AddCommandLine(args, new Dictionary<string, string>(SiloFlags.Map));
var hosting = builder.Configuration.GetSection("Silo").Get<ClusterHostingOptions>() ?? new();
builder.AddIdlTelemetry(builder.Configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new());
builder.UseOrleans(silo => silo
    .UseIdlCluster(hosting)
    .AddImplicitTraining(o => builder.Configuration.GetSection("Silo:Training").Bind(o)));
await builder.Build().RunAsync();
