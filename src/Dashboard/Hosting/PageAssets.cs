using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Idl.Dashboard.Hosting;

/// <summary>Serves the page and its scripts from the assembly's embedded wwwroot (nothing to deploy beside the silo).</summary>
internal static class PageAssets
{
    private static readonly Dictionary<string, string> Types = new()
    {
        [".html"] = "text/html; charset=utf-8", [".js"] = "text/javascript; charset=utf-8", [".css"] = "text/css; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapPageAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/assets/{**path}", (string path) => Asset(path));
        return app;
    }

    private static IResult Asset(string path)
    {
        var stream = typeof(PageAssets).Assembly.GetManifestResourceStream("wwwroot/" + path);
        return stream is null || !Types.TryGetValue(Path.GetExtension(path), out var type)
            ? Results.NotFound(new { error = $"no asset '{path}'" })
            : Results.Stream(stream, type);
    }
}
