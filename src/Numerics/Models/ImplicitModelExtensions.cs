using System.Numerics;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Models;

/// <summary>Prediction through an equilibrium solver.</summary>
public static class ImplicitModelExtensions
{
    /// <summary>
    /// Solves X = φ(AX + BU + b) and returns Ŷ = CX + DU + c with the solve's status. The output is computed even
    /// when the solve did not converge; check <see cref="EquilibriumResult{T}.IsConverged"/> or call
    /// <c>Equilibrium.EnsureConverged()</c>.
    /// </summary>
    public static Prediction<T> Predict<T>(this ImplicitModel<T> model, Matrix<T> u, IEquilibriumSolver solver, Matrix<T>? warmStart = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(solver);
        var eq = solver.SolveForward(model.A, model.Activation, model.InputTerm(u), warmStart);
        return new Prediction<T>(model.Output(eq.State, u), eq);
    }
}
