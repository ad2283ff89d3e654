using Idl.Grains.Hosting;
using Idl.Grains.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Idl.Client.Tests;

/// <summary><c>idl runs</c> and <c>idl cluster</c> against a real one-silo cluster on loopback ports.</summary>
public sealed class RunsCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "idl-runs-" + Guid.NewGuid().ToString("N"));
    private IHost? _silo;
    private string _gateway = "";
    private int _siloPort;

    public async Task InitializeAsync()
    {
        var options = ClusterHostingOptions.Embedded(_folder);
        (_gateway, _siloPort) = ($"127.0.0.1:{options.GatewayPort}", options.SiloPort);
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseIdlCluster(options).AddImplicitTraining());
        _silo = builder.Build();
        await _silo.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void RunsAndCluster_AfterATrainingOnTheCluster_ReportTheRunAndItsShards()
    {
        string runId = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var train = CliRun.Of("train", "--cluster", _gateway, "--run-id", runId, "--data", "digits", "--hidden", "8", "--epochs", "1", "--limit", "256", "--shards", "2", "--json");
        Assert.True(train.ExitCode == 0, train.Stderr);

        var list = CliRun.Of("runs", "list", "--cluster", _gateway, "--json");
        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.Contains(list.JsonLines(), l => (string)l["run_id"]! == runId && (string)l["state"]! == "completed");

        var status = CliRun.Of("runs", "status", runId, "--cluster", _gateway, "--json");
        Assert.True(status.ExitCode == 0, status.Stderr);
        var s = Assert.Single(status.JsonLines());
        Assert.Equal(2, (int)s["shards"]!);
        Assert.Single(s["epochs"]!.AsArray());

        var resume = CliRun.Of("runs", "resume", runId, "--cluster", _gateway, "--json");
        Assert.Equal("completed", (string)Assert.Single(resume.JsonLines())["state"]!);

        var cluster = CliRun.Of("cluster", "--cluster", _gateway, "--json");
        Assert.True(cluster.ExitCode == 0, cluster.Stderr);
        var c = Assert.Single(cluster.JsonLines());
        Assert.Equal(1, (int)c["silos"]!);
        Assert.Equal(2, (int)c["shards"]!);
    }

    [Fact]
    public async Task Train_OnATwoSiloClusterWithoutShards_UsesOneShardPerSilo()
    {
        var second = ClusterHostingOptions.Embedded(_folder);
        second.Primary = $"127.0.0.1:{_siloPort}";
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseIdlCluster(second).AddImplicitTraining());
        using var host = builder.Build();
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            var train = CliRun.Of("train", "--cluster", _gateway, "--data", "digits", "--hidden", "8", "--epochs", "1", "--limit", "256", "--json");
            Assert.True(train.ExitCode == 0, train.Stderr);
            var final = train.JsonLines()[^1];
            Assert.Equal(2, (int)final["silos"]!);
            Assert.Equal(2, (int)final["shards"]!);
        }
        finally { await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30)); }
    }

    [Fact]
    public void RunsCancel_UnknownRun_IsAUsageErrorNamingIt()
    {
        var run = CliRun.Of("runs", "cancel", "no-such-run", "--cluster", _gateway, "--json");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("no-such-run", run.Stderr);
    }

    [Fact]
    public void Runs_AzureClusterWithoutIds_IsAUsageError()
    {
        var run = CliRun.Of("runs", "list", "--cluster", "azure:UseDevelopmentStorage=true", "--json");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--cluster-id", run.Stderr);
    }

    [Fact]
    public void RunsList_OneDeadAndOneLiveGateway_ConnectsToTheLiveOne()
    {
        var run = CliRun.Of("runs", "list", "--cluster", "127.0.0.1:1," + _gateway, "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
    }

    [Fact]
    public void RunsStatus_RunIdOption_IsTheSameAsThePositional()
    {
        var run = CliRun.Of("runs", "status", "--run-id", "no-such-run", "--cluster", _gateway);
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("no-such-run: no such run", run.Stderr);
    }

    [Fact]
    public void RunsList_WrongClusterId_SaysTheGatewayRejectsTheIds()
    {
        var run = CliRun.Of("runs", "list", "--cluster", _gateway, "--cluster-id", "not-this-one", "--service-id", "idl", "--connect-timeout", "3");
        Assert.Equal(ExitCodes.ClusterUnavailable, run.ExitCode);
        Assert.Contains(_gateway, run.Stderr);
        Assert.Contains("cluster id 'not-this-one'", run.Stderr);
        Assert.Contains("--cluster-id", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
            _silo.Dispose();
        }
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
