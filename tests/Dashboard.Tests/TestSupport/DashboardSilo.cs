using Idl.Dashboard.Hosting;
using Idl.Dashboard.Options;
using Idl.Grains.Contracts;
using Idl.Grains.Hosting;
using Idl.Grains.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Idl.Dashboard.Tests.TestSupport;

/// <summary>
/// One embedded silo (as <c>idl sweep --dashboard</c> starts) shared by every dashboard test, with its dashboard bound
/// to every interface, so that it requires the token. Starts the runs the tests look at: a short run, a 2×2 sweep,
/// and a long run to cancel from the page.
/// </summary>
public sealed class DashboardSilo : IAsyncLifetime
{
    public const string Token = "test-token-5f0c2a";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "idl-dashboard-tests-" + Guid.NewGuid().ToString("N"));
    private IHost _host = null!;

    public Uri Url { get; private set; } = null!;

    /// <summary>The same server on the loopback address, which a browser here can open whatever the machine's name resolves to.</summary>
    public Uri LoopbackUrl => new UriBuilder(Url) { Host = "127.0.0.1" }.Uri;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public string ShortRun { get; } = "dash-short-" + Guid.NewGuid().ToString("N")[..6];

    public string LongRun { get; } = "dash-long-" + Guid.NewGuid().ToString("N")[..6];

    public string Sweep { get; } = "dash-sweep-" + Guid.NewGuid().ToString("N")[..6];

    public static RunSpec Small => new() { DataSpec = "digits", Hidden = 8, BatchSize = 50, Limit = 300, Epochs = 3, CheckpointInterval = 5 };

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseIdlCluster(ClusterHostingOptions.Embedded(_folder)).AddImplicitTraining(_ => { })
            .AddIdlDashboard(new DashboardOptions { Port = 0, Address = "0.0.0.0", Token = Token }));
        _host = builder.Build();
        await _host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Url = _host.Services.GetRequiredService<DashboardServer>().Url!;
        await Grains.GetGrain<ITrainingCoordinatorGrain>(ShortRun).StartAsync(Small).WaitAsync(TimeSpan.FromSeconds(60));
        await Grains.GetGrain<ISweepGrain>(Sweep).StartAsync(new SweepSpec
        {
            Template = Small, Kappa = ParameterDomain.Of(0.5, 0.9), LearningRate = ParameterDomain.Of(0.01, 0.002), Hidden = ParameterDomain.Of(8),
            Epochs = 2, Concurrency = 2, Eta = 2,
        }).WaitAsync(TimeSpan.FromSeconds(60));
        await Grains.GetGrain<ITrainingCoordinatorGrain>(LongRun).StartAsync(Small with { Epochs = 500 }).WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Polls until the run satisfies <paramref name="done"/>.</summary>
    public async Task<RunStatus> WaitRunAsync(string id, Func<RunStatus, bool> done, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = await Grains.GetGrain<ITrainingCoordinatorGrain>(id).StatusAsync().WaitAsync(TimeSpan.FromSeconds(10));
            if (done(status)) return status;
            if (clock.Elapsed > timeout) throw new TimeoutException($"run {id} did not get there in {timeout}: {status.State}, step {status.Step}");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls until the sweep is finished.</summary>
    public async Task<SweepStatus> WaitSweepAsync(TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = await Grains.GetGrain<ISweepGrain>(Sweep).StatusAsync().WaitAsync(TimeSpan.FromSeconds(10));
            if (status.IsFinished) return status;
            if (clock.Elapsed > timeout) throw new TimeoutException($"sweep {Sweep} did not finish in {timeout}: {status.State}");
            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardSiloCollection : ICollectionFixture<DashboardSilo>
{
    public const string Name = "dashboard silo";
}
