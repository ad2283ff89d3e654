using Idl.Grains.Data;
using Idl.Grains.Options;
using Idl.Grains.Shards;
using Idl.Grains.Storage;
using Idl.Grains.Transfer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace Idl.Grains.Hosting;

/// <summary>Registers distributed implicit training on a silo.</summary>
public static class TrainingSiloExtensions
{
    /// <summary>The grain storage name the coordinator persists its runs in.</summary>
    public const string StorageName = "idl";

    /// <summary>Adds the shard and payload-reader placements, the payload store and transfer, the training options and their validator. Grain storage named
    /// <see cref="StorageName"/> must be added separately (<see cref="AddAtomicFileGrainStorage"/> in production), and
    /// so must a reminder service, which resumes runs whose silo died (<see cref="ClusterHostingExtensions.UseIdlCluster"/>
    /// adds both).</summary>
    public static ISiloBuilder AddImplicitTraining(this ISiloBuilder silo, Action<TrainingClusterOptions>? configure = null)
    {
        silo.Services.AddOptions<TrainingClusterOptions>().Configure(o => configure?.Invoke(o));
        silo.Services.AddTransient<IConfigurationValidator, TrainingClusterOptionsValidator>();
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<TrainingClusterOptions>>((r, t) =>
            r.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(r.MinimumReminderPeriod.Ticks, t.Value.ResumeCheckPeriod.Ticks)));
        silo.Services.AddPlacementDirector<ShardPlacement, ShardPlacementDirector>();
        silo.Services.AddPlacementDirector<SiloKeyPlacement, SiloKeyPlacementDirector>();
        silo.Services.AddSingleton<PayloadStore>();
        silo.Services.AddSingleton<PayloadTransfer>();
        silo.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TrainingClusterOptions>>().Value;
            return new BlobDataCache(o.DataConnection, o.DataCacheDirectory);
        });
        silo.AddActivityPropagation();
        return silo;
    }

    /// <summary>Adds the crash-safe file store as grain storage <paramref name="name"/> under <paramref name="rootDirectory"/>.</summary>
    public static ISiloBuilder AddAtomicFileGrainStorage(this ISiloBuilder silo, string rootDirectory, string name = StorageName)
    {
        var options = new AtomicFileStorageOptions { RootDirectory = rootDirectory };
        silo.Services.AddGrainStorage(name, (sp, key) => new AtomicFileGrainStorage(key, options, sp.GetRequiredService<Serializer>()));
        return silo;
    }
}
