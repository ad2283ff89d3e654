using System.Numerics;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Models;

/// <summary>A batched prediction Ŷ (q×m) with the equilibrium solve that produced its state.</summary>
public sealed record Prediction<T>(Matrix<T> Output, EquilibriumResult<T> Equilibrium) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The state X at equilibrium (n×m).</summary>
    public Matrix<T> State => Equilibrium.State;
}
