using Idl.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

// Writes ~9 MB checkpoints through the atomic file store in a loop, each one a vector filled with its version, and
// prints "wrote N" after each completed write. Usage: Idl.CheckpointWriter <folder> [<pause-at> half|full]: with a
// pause, write number <pause-at> of this process stops once half (or all, before the rename) of its bytes are in the
// temporary file, prints "paused <tmp path>" and waits to be killed. Runs until killed.
int pauseAt = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
bool whole = args.Length > 2 && args[2] == "full";
int written = 0;
var options = new AtomicFileStorageOptions { RootDirectory = args[0] };
if (pauseAt > 0)
    options.WriteHook = async (temp, complete) =>
    {
        if (written + 1 != pauseAt || complete != whole) return;
        Console.WriteLine($"paused {temp}");
        await Task.Delay(Timeout.Infinite);
    };
var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
var storage = new AtomicFileGrainStorage("idl", options, services.GetRequiredService<Serializer>());
var id = GrainId.Create("checkpoint", "writer");
var state = new GrainState<List<double>>();
await storage.ReadStateAsync("run", id, state);
for (double version = state.RecordExists ? state.State![0] + 1 : 1; ; version++)
{
    state.State = Enumerable.Repeat(version, 1 << 20).ToList();
    await storage.WriteStateAsync("run", id, state);
    written++;
    Console.WriteLine($"wrote {version}");
}
