using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Idl.Grains.Shards;

/// <summary>Places shard i of a run on the (i mod s)-th of the s compatible silos in address order: an exact even
/// spread, where the built-in strategies put a burst of new activations on the calling silo.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("idl.ShardPlacement")]
public sealed class ShardPlacement : PlacementStrategy
{
    /// <summary>The shared instance.</summary>
    public static readonly ShardPlacement Instance = new();
}

/// <summary>Marks a grain class for <see cref="ShardPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ShardPlacementAttribute() : PlacementAttribute(ShardPlacement.Instance);

/// <summary>Chooses the silo for a new shard activation from the index after the last '/' of its key.</summary>
public sealed class ShardPlacementDirector : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).ToArray();
        Array.Sort(silos);
        string key = target.GrainIdentity.Key.ToString() ?? "";
        int slash = key.LastIndexOf('/');
        int index = int.TryParse(key.AsSpan(slash + 1), out int i) ? i : (key.GetHashCode() & int.MaxValue);
        return Task.FromResult(silos[index % silos.Length]);
    }
}
