using Idl.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

// Writes ~9 MB checkpoints through the atomic file store in a loop, each one a vector filled with its version, and
// prints "wrote N" after each completed write. Usage: Idl.CheckpointWriter <folder>. Runs until killed.
var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
var storage = new AtomicFileGrainStorage("idl", new AtomicFileStorageOptions { RootDirectory = args[0] }, services.GetRequiredService<Serializer>());
var id = GrainId.Create("checkpoint", "writer");
var state = new GrainState<List<double>>();
await storage.ReadStateAsync("run", id, state);
for (double version = state.RecordExists ? state.State![0] + 1 : 1; ; version++)
{
    state.State = Enumerable.Repeat(version, 1 << 20).ToList();
    await storage.WriteStateAsync("run", id, state);
    Console.WriteLine($"wrote {version}");
}
