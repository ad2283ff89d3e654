using Idl.Grains.Contracts;
using Idl.Numerics.Attacks;
using Idl.Numerics.Serialization;

namespace Idl.Grains.Attacks;

/// <summary>Attacks a slice with <see cref="LpAttack"/>; the LPs run on the thread pool, off the grain's scheduler.</summary>
public sealed class LpAttackGrain(ILocalSiloDetails silo) : Grain, ILpAttackGrain
{
    public Task<string> HostAsync() => Task.FromResult(silo.SiloAddress.ToString());

    public Task<LpAttackSliceResult> AttackAsync(LpAttackSlice slice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slice);
        return Task.Run(() => Run(slice, cancellationToken), cancellationToken);
    }

    private static LpAttackSliceResult Run(LpAttackSlice slice, CancellationToken cancellationToken)
    {
        var model = ModelFile.Load(slice.ModelPath).Model<double>();
        var attack = new LpAttack(slice.Epsilon, slice.Cardinality, slice.Margin ? LpAttackObjective.Margin : LpAttackObjective.Distance);
        return LpAttackSliceRunner.Run(model, attack, slice.Inputs, slice.Labels, slice.Lower, slice.Upper, cancellationToken);
    }
}
