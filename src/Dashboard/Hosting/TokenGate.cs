using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Idl.Dashboard.Hosting;

/// <summary>
/// Refuses every request (pages, API, actions, the Orleans dashboard) that does not carry the token: as a bearer
/// header, or as <c>?token=</c> once, which sets an HTTP-only same-site cookie so the page's own requests carry it.
/// </summary>
internal sealed class TokenGate(string token)
{
    internal const string Cookie = "idl_dashboard_token";
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        string? header = request.Headers.Authorization.ToString() is { Length: > 7 } h && h.StartsWith("Bearer ", StringComparison.Ordinal) ? h[7..] : null;
        string? query = request.Query["token"].FirstOrDefault();
        if (Matches(header) || Matches(request.Cookies[Cookie]))
        {
            await next(context);
            return;
        }
        if (Matches(query))
        {
            context.Response.Cookies.Append(Cookie, query!, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await context.Response.WriteAsJsonAsync(new { error = "this dashboard requires its token: open the URL with ?token=<token> or send Authorization: Bearer <token>" });
    }

    // Constant time, so response timing does not reveal how much of a guess was right.
    private bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);
}
