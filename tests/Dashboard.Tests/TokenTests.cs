using System.Net;
using System.Net.Http.Headers;
using Idl.Dashboard.Tests.TestSupport;

namespace Idl.Dashboard.Tests;

/// <summary>Bound to every interface, the dashboard refuses whatever does not carry its token: pages, API, actions and
/// the mounted Orleans dashboard.</summary>
[Collection(DashboardSiloCollection.Name)]
public sealed class TokenTests(DashboardSilo silo)
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/api/runs")]
    [InlineData("GET", "/assets/app.js")]
    [InlineData("GET", "/orleans/")]
    [InlineData("POST", "/api/runs/{long}/cancel")]
    public async Task Request_WithoutToken_Refused401(string method, string path)
    {
        using var http = new HttpClient();
        var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), Url(path)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("token", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_WithWrongBearerToken_Refused401()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardSilo.Token + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(Url("/api/runs"))).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/runs")]
    [InlineData("/orleans/")]
    public async Task Request_WithBearerToken_Served(string path)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardSilo.Token);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Url(path))).StatusCode);
    }

    [Fact]
    public async Task Request_WithTokenInQuery_ServedAndLaterRequestsCarryTheCookie()
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Url("/?token=" + DashboardSilo.Token))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Url("/api/runs"))).StatusCode);
    }

    private Uri Url(string path) => new(silo.LoopbackUrl, path.Replace("{long}", silo.LongRun, StringComparison.Ordinal));
}
