using Idl.Grains.Contracts;

namespace Idl.Dashboard.Api;

/// <summary>The silos of the cluster, their load, and which silo holds each running run's coordinator and shards.</summary>
public sealed class ClusterReader(IGrainFactory grains)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    /// <summary>One row per active silo.</summary>
    public async Task<IReadOnlyList<SiloRow>> SilosAsync(CancellationToken cancellationToken)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: true).WaitAsync(CallTimeout, cancellationToken);
        var addresses = hosts.Select(h => h.SiloAddress).ToArray();
        var load = await management.GetRuntimeStatistics(addresses).WaitAsync(CallTimeout, cancellationToken);
        var placements = await PlacementsAsync(cancellationToken);
        return [.. hosts.Select((h, i) =>
        {
            string address = h.SiloAddress.ToString();
            var here = placements.Where(p => p.Host == address).ToList();
            var e = load[i].EnvironmentStatistics;
            return new SiloRow(address, h.SiloName, h.Status.ToString(), load[i].ActivationCount, Math.Round(e.FilteredCpuUsagePercentage, 1),
                Math.Round(e.FilteredMemoryUsageBytes / 1048576.0, 1), here.Count(p => p.Shard < 0), here.Count(p => p.Shard >= 0),
                [.. here.Select(p => p.Shard < 0 ? $"{p.Run} coordinator" : $"{p.Run} shard {p.Shard}")]);
        })];
    }

    // Running runs only: asking a finished run's shards where they live would activate them again.
    private async Task<List<(string Run, int Shard, string Host)>> PlacementsAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, int, string)>();
        var ids = await grains.GetGrain<IRunRegistryGrain>("default").ListAsync().WaitAsync(CallTimeout, cancellationToken);
        foreach (string id in ids)
        {
            var status = await grains.GetGrain<ITrainingCoordinatorGrain>(id).StatusAsync().WaitAsync(CallTimeout, cancellationToken);
            if (status.State != RunState.Running) continue;
            result.Add((id, -1, (await grains.GetGrain<IRunHistoryGrain>(id).HistoryAsync().WaitAsync(CallTimeout, cancellationToken)).Host));
            for (int k = 0; k < status.Shards; k++)
                result.Add((id, k, await grains.GetGrain<IDataShardGrain>(ShardSpec.KeyOf(id, k)).HostAsync().WaitAsync(CallTimeout, cancellationToken)));
        }
        return result;
    }
}
