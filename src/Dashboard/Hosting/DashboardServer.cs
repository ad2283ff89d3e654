using System.Net;
using System.Text.Json.Serialization;
using Idl.Dashboard.Api;
using Idl.Dashboard.Options;
using DashboardOptions = Idl.Dashboard.Options.DashboardOptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;

namespace Idl.Dashboard.Hosting;

/// <summary>
/// The dashboard's web server, started with the silo's host: its own Kestrel and services, reading the cluster
/// through the silo's grain factory. The Orleans dashboard's services live in the silo's container (they collect
/// the silo's statistics) and are handed to this server as they are, so it can mount that dashboard under /orleans/.
/// </summary>
public sealed partial class DashboardServer(DashboardOptions options, IReadOnlyList<Type> orleansDashboardServices, IServiceProvider silo) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address the server listens on (known once started; with port 0, the port picked).</summary>
    public Uri? Url { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // No configuration sources: ASPNETCORE_* variables or an appsettings.json must not move the dashboard elsewhere.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Parse(options.Address), options.Port));
        builder.Services.AddRouting();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // A diverged run's loss is NaN: written as "NaN", which the page plots as a gap, rather than failing the response.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        foreach (var type in orleansDashboardServices) builder.Services.AddSingleton(type, _ => silo.GetRequiredService(type));
        builder.Services.AddSingleton(silo.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Dashboard.DashboardOptions>>());
        var grains = silo.GetRequiredService<IGrainFactory>();
        builder.Services.AddSingleton(grains);
        builder.Services.AddSingleton(silo.GetRequiredService<IClusterClient>());
        builder.Services.AddSingleton(new DashboardReader(grains));
        builder.Services.AddSingleton(new ClusterReader(grains));
        var app = builder.Build();
        if (options.Token is { } token) app.Use(new TokenGate(token).InvokeAsync);
        app.Use(ActionGuard.InvokeAsync);
        app.UseRouting();
        app.MapDashboardApi();
        app.MapOrleansDashboard(routePrefix: "/orleans");
        app.MapPageAssets();
        await app.StartAsync(cancellationToken);
        _app = app;
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(bound);
        // A server bound to every interface is reached by this machine's name; print one a browser can open.
        Url = options.IsLoopback ? uri : new UriBuilder(uri) { Host = IPAddress.Parse(options.Address).Equals(IPAddress.Any) ? Dns.GetHostName() : options.Address }.Uri;
        if (silo.GetService<ILoggerFactory>() is { } logs) LogListening(logs.CreateLogger<DashboardServer>(), Url, options.Token is not null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard at {Url} (token required: {TokenRequired})")]
    private static partial void LogListening(ILogger logger, Uri url, bool tokenRequired);

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
