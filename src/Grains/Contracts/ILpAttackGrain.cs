using Orleans.Concurrency;

namespace Idl.Grains.Contracts;

/// <summary>
/// Runs the LP attack (paper §7.3.2) on one slice of samples. Stateless and deterministic: a slice whose call was
/// lost with its silo is simply sent again, to any grain.
/// </summary>
[Alias("idl.ILpAttackGrain")]
public interface ILpAttackGrain : IGrainWithStringKey
{
    [Alias("Attack")]
    Task<LpAttackSliceResult> AttackAsync(LpAttackSlice slice, CancellationToken cancellationToken = default);

    /// <summary>The silo this grain runs on; answered even while a slice is being attacked.</summary>
    [Alias("Host"), AlwaysInterleave]
    Task<string> HostAsync();
}
