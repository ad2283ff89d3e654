using System.Text.RegularExpressions;
using Idl.Grains.Storage;
using Idl.Grains.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Idl.Grains.Tests;

/// <summary>SIGKILL of a process while it writes ~9 MB checkpoints through the atomic file store: at the instants that
/// matter (half of a write's bytes on disk, and all of them before the rename), the file holds the whole last checkpoint
/// reported written. The writer pauses at those instants by the store's crash-test hook, so the kill lands there on any
/// machine load (racing a running write once left the premise unmet under load).</summary>
public sealed partial class CheckpointCrashTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "idl-crash-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(3, "half")]
    [InlineData(2, "full")]
    public async Task Kill_DuringCheckpointWrite_LeavesTheLastCompletedCheckpointReadable(int pauseAt, string point)
    {
        string writer = Path.Combine(Path.GetDirectoryName(RepoPaths.SiloDll)!.Replace(Path.Combine("src", "Silo"), Path.Combine("tests", "CheckpointWriter")), "Idl.CheckpointWriter.dll");
        Assert.True(File.Exists(writer), $"{writer} is not built");
        for (int round = 0; round < 2; round++)
        {
            double reported;
            string temp;
            using (var process = new ChildProcess(RepoPaths.Dotnet, [writer, _folder, pauseAt.ToString(System.Globalization.CultureInfo.InvariantCulture), point], Path.GetTempPath()))
            {
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (PausedPattern().Match(process.Output) is not { Success: true })
                {
                    Assert.False(process.HasExited || DateTime.UtcNow > deadline, "the writer did not reach its pause in 60 s: " + process.Output);
                    await Task.Delay(20);
                }
                temp = PausedPattern().Match(process.Output).Groups[1].Value.Trim();
                Assert.True(File.Exists(temp), $"the paused write's temporary file {temp} is missing");
                process.Kill();
                reported = LastWritten(process.Output);
            }
            // Each round resumes from the stored version, so the pause falls on a later write than the last round's.
            var state = await ReadAsync();
            Assert.True(state.RecordExists);
            Assert.Equal(1 << 20, state.State!.Count);
            Assert.Equal(reported, state.State[0]);
            Assert.All(state.State, v => Assert.Equal(state.State[0], v));
            Assert.True(File.Exists(temp), "the killed write's temporary file should be left behind, not renamed over the checkpoint");
        }
    }

    private async Task<GrainState<List<double>>> ReadAsync()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var storage = new AtomicFileGrainStorage("idl", new AtomicFileStorageOptions { RootDirectory = _folder }, services.GetRequiredService<Serializer>());
        var state = new GrainState<List<double>>();
        await storage.ReadStateAsync("run", GrainId.Create("checkpoint", "writer"), state).WaitAsync(TimeSpan.FromSeconds(30));
        return state;
    }

    private static double LastWritten(string output) =>
        WrotePattern().Matches(output) is { Count: > 0 } m ? double.Parse(m[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"wrote (\d+)")]
    private static partial Regex WrotePattern();

    [GeneratedRegex(@"paused (.+)")]
    private static partial Regex PausedPattern();

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
