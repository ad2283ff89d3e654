using Microsoft.AspNetCore.Http;

namespace Idl.Dashboard.Hosting;

/// <summary>
/// Refuses a POST (an action) without the <see cref="Header"/> header, which the page sends. Another site open in the
/// same browser can make a form POST to a loopback dashboard (which has no token), but it cannot add a custom header
/// to a cross-origin request without a CORS preflight, which this server never grants: so only the page, the CLI or a
/// script that means to can cancel or resume a run.
/// </summary>
internal static class ActionGuard
{
    public const string Header = "X-Idl-Action";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || context.Request.Headers.ContainsKey(Header))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new { error = $"actions need the {Header} header (the dashboard's page sends it)" });
    }
}
