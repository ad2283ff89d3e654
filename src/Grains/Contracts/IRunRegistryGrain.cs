namespace Idl.Grains.Contracts;

/// <summary>The run ids this cluster has seen (key "default"), for <c>idl runs list</c>.</summary>
[Alias("idl.IRunRegistryGrain")]
public interface IRunRegistryGrain : IGrainWithStringKey
{
    /// <summary>Records a run id.</summary>
    [Alias("Add")]
    Task AddAsync(string runId);

    /// <summary>All recorded run ids, oldest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
