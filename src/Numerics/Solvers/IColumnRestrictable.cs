using System.Numerics;

namespace Idl.Numerics.Solvers;

/// <summary>
/// A map whose columns are independent problems (each sample's equilibrium or adjoint), so it can be narrowed to a
/// subset of them: the solvers' per-column active set drops converged columns from the next products.
/// </summary>
internal interface IColumnRestrictable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The same map on columns <paramref name="columns"/>[0 … <paramref name="count"/>) of this one, in that order.</summary>
    IFixedPointMap<T> Restrict(int[] columns, int count);
}
