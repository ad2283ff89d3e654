using Idl.Dashboard.Hosting;
using Idl.Grains.Hosting;
using Idl.Grains.Options;
using Idl.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// An idl silo configured from appsettings.json, IDL_* environment variables and flags (see SiloFlags): localhost or
// Azure Table clustering, the atomic file store or Azure Blob, optional TLS, telemetry and Kubernetes hosting,
// distributed training, and the dashboard with --dashboard-port.
string[] flags = SiloFlags.Normalize(args);
var builder = Host.CreateApplicationBuilder(flags);
builder.Configuration.AddEnvironmentVariables("IDL_").AddSiloFlags(flags);
var silo = SiloSettings.Read(builder.Configuration, Environment.GetEnvironmentVariable);
var dashboard = SiloDashboard.Read(builder.Configuration, Environment.GetEnvironmentVariable);
builder.AddIdlTelemetry(builder.Configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new());
builder.UseOrleans(orleans =>
{
    orleans.UseIdlCluster(silo.Hosting).AddImplicitTraining(o => builder.Configuration.GetSection("Silo:Training").Bind(o));
    if (silo.Kubernetes) orleans.UseIdlKubernetesHosting();
    if (dashboard is not null) orleans.AddIdlDashboard(dashboard);
});
await builder.Build().RunAsync();
