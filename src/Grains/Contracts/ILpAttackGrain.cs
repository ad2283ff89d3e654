using Orleans.Concurrency;

namespace Idl.Grains.Contracts;

/// <summary>
/// Runs the LP attack (paper §7.3.2) on one slice of samples. Stateless and deterministic: a slice whose call was
/// lost with its silo is simply sent again, to any grain.
/// </summary>
[Alias("idl.ILpAttackGrain")]
public interface ILpAttackGrain : IGrainWithStringKey
{
    /// <summary>Attacks the slice. A slice of a large model can take minutes, far beyond the cluster's response
    /// timeout (30 s by default), so the call may wait an hour; a silo that dies meanwhile is found by
    /// <see cref="HostAsync"/> probes (see LpAttackDispatch), not by this timeout.</summary>
    [Alias("Attack"), ResponseTimeout("01:00:00")]
    Task<LpAttackSliceResult> AttackAsync(LpAttackSlice slice, CancellationToken cancellationToken = default);

    /// <summary>The silo this grain runs on; answered even while a slice is being attacked.</summary>
    [Alias("Host"), AlwaysInterleave, ResponseTimeout("00:00:10")]
    Task<string> HostAsync();
}
