using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Idl.Dashboard.Tests.TestSupport;
using Idl.Grains.Contracts;
using Idl.Numerics;
using Idl.Numerics.Serialization;

namespace Idl.Dashboard.Tests;

[Collection(DashboardSiloCollection.Name)]
public sealed class ApiTests(DashboardSilo silo)
{
    [Theory]
    [InlineData("GET", "/api/runs/no-such-run")]
    [InlineData("POST", "/api/runs/no-such-run/cancel")]
    [InlineData("POST", "/api/runs/no-such-run/resume")]
    [InlineData("GET", "/api/sweeps/no-such-sweep")]
    [InlineData("POST", "/api/sweeps/no-such-sweep/cancel")]
    [InlineData("GET", "/api/nothing-here")]
    [InlineData("GET", "/assets/no-such-file.js")]
    public async Task Request_UnknownId_404WithMessage(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(silo.LoopbackUrl, path));
        request.Headers.Add("X-Idl-Action", "1");
        var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("no ", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Cancel_WithoutTheActionHeader_403AndTheRunGoesOn()
    {
        string id = "dash-guard-" + Guid.NewGuid().ToString("N")[..6];
        var run = silo.Grains.GetGrain<ITrainingCoordinatorGrain>(id);
        await run.StartAsync(DashboardSilo.Small with { Epochs = 1000 });
        try
        {
            var response = await Client().PostAsync(new Uri(silo.LoopbackUrl, $"/api/runs/{id}/cancel"), null);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("X-Idl-Action", await response.Content.ReadAsStringAsync());
            Assert.Equal(RunState.Running, (await run.StatusAsync()).State);
        }
        finally { await run.CancelAsync(); }
    }

    [Fact]
    public async Task GetRun_Finished_HasOnePointPerStepAndEpoch()
    {
        var status = await silo.WaitRunAsync(silo.ShortRun, s => s.IsFinished, TimeSpan.FromSeconds(120));

        using var json = JsonDocument.Parse(await Client().GetStringAsync(new Uri(silo.LoopbackUrl, "/api/runs/" + silo.ShortRun)));
        var root = json.RootElement;

        Assert.Equal("Completed", root.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(status.Epochs.Count, root.GetProperty("status").GetProperty("epochs").GetArrayLength());
        Assert.Equal(status.TotalSteps, root.GetProperty("history").GetProperty("steps").GetArrayLength());
        Assert.Equal("test accuracy", root.GetProperty("row").GetProperty("metric").GetString());
        Assert.Equal(status.Epochs.Max(e => e.TestAccuracy)!.Value, root.GetProperty("row").GetProperty("best").GetDouble(), 12);
    }

    [Fact]
    public async Task GetModel_CompletedRun_IdlFileWithTheRunsParametersAndScaling()
    {
        await silo.WaitRunAsync(silo.ShortRun, s => s.IsFinished, TimeSpan.FromSeconds(120));
        string path = Path.Combine(Path.GetTempPath(), $"idl-dashboard-{Guid.NewGuid():N}.idl");

        var response = await Client().GetAsync(new Uri(silo.LoopbackUrl, $"/api/runs/{silo.ShortRun}/model"));
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        var stored = ModelFile.Load(path);
        File.Delete(path);
        var parameters = (await silo.Grains.GetGrain<ITrainingCoordinatorGrain>(silo.ShortRun).ParametersAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{silo.ShortRun}.idl", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(parameters.A.ToMatrix<double>().Data, stored.Model<double>().A.Data);
        Assert.Equal(parameters.C.ToMatrix<double>().Data, stored.Model<double>().C.Data);
        Assert.Equal(("classification", 10, DashboardSilo.Small.Kappa), (stored.Metadata.Task, stored.Metadata.Classes, stored.Metadata.Kappa));
        Assert.Equal(64, stored.Metadata.InputMean.Length);
        Assert.InRange(Norms.InfinityNorm(stored.Model<double>().A), 0, DashboardSilo.Small.Kappa + 1e-12);
    }

    [Fact]
    public async Task GetModel_RunningRun_409()
    {
        string id = "dash-running-" + Guid.NewGuid().ToString("N")[..6];
        await silo.Grains.GetGrain<ITrainingCoordinatorGrain>(id).StartAsync(DashboardSilo.Small with { Epochs = 1000 });
        try
        {
            var response = await Client().GetAsync(new Uri(silo.LoopbackUrl, $"/api/runs/{id}/model"));

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        }
        finally { await silo.Grains.GetGrain<ITrainingCoordinatorGrain>(id).CancelAsync(); }
    }

    private static HttpClient Client()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardSilo.Token);
        return http;
    }
}
