using System.Numerics;
using Idl.Numerics.Kernels;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Gradients;

/// <summary>
/// Implicit differentiation through the equilibrium (§6.2). With G = ∂L/∂Ŷ, the adjoint V = ∇_Z L solves
/// V = J(Z)ᵀ(AᵀV + CᵀG) (eq. 6.5; Ψ ∘ (·) for componentwise φ, eq. 6.6), and then
/// ∇A = VXᵀ, ∇B = VUᵀ, ∇C = GXᵀ, ∇D = GUᵀ, ∇b = V1, ∇c = G1, ∇U = BᵀV + DᵀG.
/// </summary>
public static class ImplicitDifferentiation
{
    /// <summary>Computes the gradients at the equilibrium <paramref name="state"/> of <paramref name="u"/>.</summary>
    /// <param name="model">The model whose parameters are differentiated.</param>
    /// <param name="u">Inputs, p×m.</param>
    /// <param name="state">The equilibrium X (n×m) of <paramref name="u"/>.</param>
    /// <param name="outputGradient">G = ∂L/∂Ŷ, q×m.</param>
    /// <param name="solver">Solves the adjoint equation (its own tolerances).</param>
    /// <param name="withInputGradient">Also compute ∇U (for attacks and sensitivity).</param>
    /// <param name="adjointWarmStart">A previous V to start from, or null for zero.</param>
    /// <remarks>Gradients are returned even when the adjoint did not converge; inspect <see cref="ModelGradient{T}.Adjoint"/>.</remarks>
    public static ModelGradient<T> Compute<T>(ImplicitModel<T> model, Matrix<T> u, Matrix<T> state, Matrix<T> outputGradient,
        IEquilibriumSolver solver, bool withInputGradient = false, Matrix<T>? adjointWarmStart = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(solver);
        model.CheckInput(u);
        int m = u.Cols;
        Guard.Shape(state, model.StateSize, m, nameof(state));
        Guard.Shape(outputGradient, model.OutputSize, m, nameof(outputGradient));

        var w = Gemm.Product(model.C, true, outputGradient, false);
        var adjoint = solver.SolveAdjoint(model.A, model.Activation, state, w, adjointWarmStart);
        var v = adjoint.State;

        Matrix<T>? input = null;
        if (withInputGradient)
        {
            input = Gemm.Product(model.B, true, v, false);
            Gemm.Multiply(model.D, true, outputGradient, false, input, default(ProductEpilogue<T>), accumulate: true);
        }
        return new ModelGradient<T>(
            Gemm.Product(v, false, state, true),
            Gemm.Product(v, false, u, true),
            Gemm.Product(outputGradient, false, state, true),
            Gemm.Product(outputGradient, false, u, true),
            model.StateBias is null ? null : RowSums(v),
            model.OutputBias is null ? null : RowSums(outputGradient),
            input,
            adjoint);
    }

    private static T[] RowSums<T>(Matrix<T> m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new T[m.Rows];
        for (int i = 0; i < m.Rows; i++)
        {
            T s = T.Zero;
            foreach (var v in m.Row(i)) s += v;
            r[i] = s;
        }
        return r;
    }
}
