using System.Buffers.Binary;
using Idl.Grains.Hosting;
using Idl.Grains.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Idl.Client.Tests;

/// <summary><c>idl plot</c> and <c>idl train --plot</c>: PNG files of the requested size, from a log, a local run and
/// a cluster's run and sweep.</summary>
public sealed class PlotCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("idl-plot-").FullName;

    private static readonly string[] Small = ["--data", "digits", "--hidden", "8", "--epochs", "2", "--limit", "200"];

    [Fact]
    public void Train_WithPlot_WritesPngOfTheDefaultSize()
    {
        string png = Path.Combine(_folder, "curves.png");

        var run = CliRun.Of(["train", .. Small, "--plot", png]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal((1200, 800), PngSize(png));
        Assert.Contains("plot written to", run.Stderr);
    }

    [Fact]
    public void Plot_LogOfTrainJson_WritesPngOfTheRequestedSize()
    {
        string log = Path.Combine(_folder, "train.jsonl"), png = Path.Combine(_folder, "sub", "log.png");
        var train = CliRun.Of(["train", .. Small, "--json"]);
        Assert.True(train.ExitCode == 0, train.Stderr);
        File.WriteAllText(log, "note: a line that is not JSON is skipped\n" + train.Stdout);

        var plot = CliRun.Of("plot", "--log", log, "--out", png, "--width", "640", "--height", "480");

        Assert.True(plot.ExitCode == 0, plot.Stderr);
        Assert.Equal((640, 480), PngSize(png));
    }

    [Theory]
    [InlineData("--out|x.png", "exactly one of --run, --sweep or --log")]
    [InlineData("--log|a.jsonl|--run|r|--out|x.png", "exactly one of --run, --sweep or --log")]
    [InlineData("--log|missing.jsonl|--out|x.png", "--log missing.jsonl: no such file")]
    [InlineData("--run|r|--out|x.png", "give --cluster")]
    [InlineData("--log|empty.jsonl|--out|x.png|--width|50", "--width 50")]
    [InlineData("--log|empty.jsonl|--out|x.png", "has no epoch lines")]
    [InlineData("--log|bad.jsonl|--out|x.png", "bad.jsonl:2: is not an epoch line")]
    public void Plot_BadInput_UsageErrorNamingTheOption(string args, string message)
    {
        File.WriteAllText(Path.Combine(_folder, "empty.jsonl"), "{\"final\":true}\n");
        File.WriteAllText(Path.Combine(_folder, "bad.jsonl"), "{\"epoch\":1,\"train_loss\":0.5}\n{\"epoch\":\"two\",\"train_loss\":0.4}\n");
        string[] argv = [.. args.Split('|').Select(a => a.EndsWith(".jsonl", StringComparison.Ordinal) ? Path.Combine(_folder, a) : a)];

        var plot = CliRun.Of(["plot", .. argv]);

        Assert.Equal(ExitCodes.UsageError, plot.ExitCode);
        Assert.Contains(message, plot.Stderr.Replace(_folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
        Assert.False(File.Exists("x.png"));
    }

    [Fact]
    public async Task Plot_RunAndSweepOfACluster_WritePngs()
    {
        var options = ClusterHostingOptions.Embedded(Path.Combine(_folder, "grains"));
        string gateway = $"127.0.0.1:{options.GatewayPort}";
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseIdlCluster(options).AddImplicitTraining());
        using var silo = builder.Build();
        await silo.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            string trained = Path.Combine(_folder, "trained.png");
            var train = CliRun.Of(["train", .. Small, "--cluster", gateway, "--shards", "2", "--run-id", "plot-run", "--plot", trained]);
            Assert.True(train.ExitCode == 0, train.Stderr);
            var sweep = CliRun.Of("sweep", "--cluster", gateway, "--sweep-id", "plot-sweep", "--kappa", "0.5,0.9", "--hidden", "8", "--epochs", "2", "--limit", "200");
            Assert.True(sweep.ExitCode == 0, sweep.Stderr);

            var run = CliRun.Of("plot", "--cluster", gateway, "--run", "plot-run", "--out", Path.Combine(_folder, "run.png"));
            var trials = CliRun.Of("plot", "--cluster", gateway, "--sweep", "plot-sweep", "--out", Path.Combine(_folder, "sweep.png"), "--width", "900", "--height", "600");
            var missing = CliRun.Of("plot", "--cluster", gateway, "--run", "no-such-run", "--out", Path.Combine(_folder, "none.png"));

            Assert.Equal((1200, 800), PngSize(trained));
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal((1200, 800), PngSize(Path.Combine(_folder, "run.png")));
            Assert.True(trials.ExitCode == 0, trials.Stderr);
            Assert.Equal((900, 600), PngSize(Path.Combine(_folder, "sweep.png")));
            Assert.Equal(ExitCodes.UsageError, missing.ExitCode);
            Assert.Contains("--run no-such-run: no such run", missing.Stderr);
        }
        finally { await silo.StopAsync().WaitAsync(TimeSpan.FromSeconds(30)); }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Width and height from the IHDR chunk, after checking the PNG signature; a plot with nothing drawn is far smaller.
    private static (int Width, int Height) PngSize(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 10_000, $"{path} has only {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
