using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Idl.Grains.Transfer;

/// <summary>Places a grain on the silo its key names (a parsable silo address), so that a silo's payload reader runs
/// where the payloads are; a key naming a silo that is gone lands on the calling silo, whose reader then says so.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("idl.SiloKeyPlacement")]
public sealed class SiloKeyPlacement : PlacementStrategy
{
    /// <summary>The shared instance.</summary>
    public static readonly SiloKeyPlacement Instance = new();
}

/// <summary>Marks a grain class for <see cref="SiloKeyPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloKeyPlacementAttribute() : PlacementAttribute(SiloKeyPlacement.Instance);

/// <summary>Chooses the silo named by the key when it is compatible, else the calling silo.</summary>
public sealed class SiloKeyPlacementDirector : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        string key = target.GrainIdentity.Key.ToString() ?? "";
        var named = context.GetCompatibleSilos(target).FirstOrDefault(s => s.ToParsableString() == key);
        return Task.FromResult(named ?? context.LocalSilo);
    }
}
