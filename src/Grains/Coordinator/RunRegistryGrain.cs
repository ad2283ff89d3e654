using Idl.Grains.Contracts;
using Idl.Grains.Hosting;

namespace Idl.Grains.Coordinator;

/// <summary>The run ids this cluster has seen, persisted.</summary>
public sealed class RunRegistryGrain(
    [PersistentState("runs", TrainingSiloExtensions.StorageName)] IPersistentState<RunRegistryState> state) : Grain, IRunRegistryGrain
{
    /// <inheritdoc />
    public async Task AddAsync(string runId)
    {
        if (state.State.Runs.Contains(runId)) return;
        state.State.Runs.Add(runId);
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.Runs.ToArray());
}

/// <summary>The persisted run ids.</summary>
[GenerateSerializer, Alias("idl.RunRegistryState")]
public sealed class RunRegistryState
{
    [Id(0)] public List<string> Runs { get; set; } = [];
}
