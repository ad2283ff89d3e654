using System.Text.RegularExpressions;
using Idl.Grains.Storage;
using Idl.Grains.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Idl.Grains.Tests;

/// <summary>SIGKILL of a process while it writes ~9 MB checkpoints through the atomic file store: whatever instant the
/// kill lands, the file holds a whole checkpoint at least as new as the last one reported written.</summary>
public sealed partial class CheckpointCrashTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "idl-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Kill_DuringCheckpointWrites_LeavesTheLastCompletedCheckpointReadable()
    {
        string writer = Path.Combine(Path.GetDirectoryName(RepoPaths.SiloDll)!.Replace(Path.Combine("src", "Silo"), Path.Combine("tests", "CheckpointWriter")), "Idl.CheckpointWriter.dll");
        Assert.True(File.Exists(writer), $"{writer} is not built");
        var random = new Random(7);
        int killedMidWrite = 0;
        // Whether a kill lands inside a write is a race; keep killing (bounded) until two did, so a loaded machine
        // that finishes a write before the kill arrives cannot make the test vacuous or flaky.
        for (int round = 0; round < 12 && killedMidWrite < 2; round++)
        {
            double reported;
            int tempsBefore = TempFiles();
            using (var process = new ChildProcess(RepoPaths.Dotnet, [writer, _folder], Path.GetTempPath()))
            {
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (Writes(process.Output) < 2)
                {
                    Assert.False(process.HasExited || DateTime.UtcNow > deadline, "the writer did not write twice in 30 s: " + process.Output);
                    await Task.Delay(20);
                }
                // Kill as soon as the next write's temporary file appears: mid-write, not between writes.
                int before = TempFiles();
                while (TempFiles() == before && DateTime.UtcNow < deadline) await Task.Delay(1);
                await Task.Delay(random.Next(0, 3));
                process.Kill();
                reported = LastWritten(process.Output);
            }
            if (TempFiles() > tempsBefore) killedMidWrite++;

            var state = await ReadAsync();
            Assert.True(state.RecordExists);
            Assert.Equal(1 << 20, state.State!.Count);
            Assert.True(state.State[0] >= reported, $"stored checkpoint {state.State[0]} is older than the last reported write {reported}");
            Assert.All(state.State, v => Assert.Equal(state.State[0], v));
        }
        // A kill that hit a write in progress leaves its temporary file behind (the store does not sweep them).
        Assert.True(killedMidWrite >= 1, "no kill landed during a write");
    }

    private async Task<GrainState<List<double>>> ReadAsync()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var storage = new AtomicFileGrainStorage("idl", new AtomicFileStorageOptions { RootDirectory = _folder }, services.GetRequiredService<Serializer>());
        var state = new GrainState<List<double>>();
        await storage.ReadStateAsync("run", GrainId.Create("checkpoint", "writer"), state).WaitAsync(TimeSpan.FromSeconds(30));
        return state;
    }

    private int TempFiles() => Directory.Exists(_folder) ? Directory.EnumerateFiles(_folder, "*.tmp", SearchOption.AllDirectories).Count() : 0;

    private static int Writes(string output) => WrotePattern().Matches(output).Count;

    private static double LastWritten(string output) =>
        WrotePattern().Matches(output) is { Count: > 0 } m ? double.Parse(m[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"wrote (\d+)")]
    private static partial Regex WrotePattern();

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
