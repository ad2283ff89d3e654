using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Idl.Dashboard.Api;

/// <summary>The JSON API the page polls, and the actions of the CLI (cancel, resume; POST only). Unknown ids are 404.</summary>
internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/runs", (DashboardReader r, CancellationToken c) => r.RunsAsync(c));
        api.MapGet("/runs/{id}", async (string id, DashboardReader r, CancellationToken c) => Found(await r.RunAsync(id, c), "run", id));
        api.MapPost("/runs/{id}/cancel", async (string id, DashboardReader r, CancellationToken c) => Found(await r.ActAsync(id, cancel: true, c), "run", id));
        api.MapPost("/runs/{id}/resume", async (string id, DashboardReader r, CancellationToken c) => Found(await r.ActAsync(id, cancel: false, c), "run", id));
        api.MapGet("/runs/{id}/model", async (string id, DashboardReader r, CancellationToken c) => await r.ModelFileAsync(id, c) switch
        {
            null => Results.NotFound(new { error = $"no run '{id}' on this cluster" }),
            [] => Results.Conflict(new { error = $"run '{id}' is not completed: its model file can be downloaded once it is" }),
            var bytes => Results.File(bytes, "application/octet-stream", id + ".idl"),
        });
        api.MapGet("/sweeps", (DashboardReader r, CancellationToken c) => r.SweepsAsync(c));
        api.MapGet("/sweeps/{id}", async (string id, DashboardReader r, CancellationToken c) => Found(await r.SweepAsync(id, c), "sweep", id));
        api.MapPost("/sweeps/{id}/cancel", async (string id, DashboardReader r, CancellationToken c) => Found(await r.CancelSweepAsync(id, c), "sweep", id));
        api.MapGet("/cluster", (ClusterReader r, CancellationToken c) => r.SilosAsync(c));
        api.MapFallback(() => Results.NotFound(new { error = "no such API path" }));
        return app;
    }

    private static IResult Found<T>(T? value, string what, string id) where T : class =>
        value is null ? Results.NotFound(new { error = $"no {what} '{id}' on this cluster" }) : Results.Ok(value);
}
