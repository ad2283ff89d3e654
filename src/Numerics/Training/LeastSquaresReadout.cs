using System.Numerics;
using Idl.Numerics.Data;
using Idl.Numerics.Kernels;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using MN = MathNet.Numerics.LinearAlgebra;

namespace Idl.Numerics.Training;

/// <summary>
/// The closed-form (C, D) block of block-coordinate descent (§6.3, §7.1): with the equilibrium X of the whole
/// training set fixed, W = [C D c] minimises ½‖Y − W Z‖²_F + ½ρ‖[C D]‖²_F for Z = [X; U; 1], so
/// W = Y Zᵀ (Z Zᵀ + ρ·s·diag(1, …, 1, 0))⁻¹ (the bias is not shrunk), with s the mean diagonal of Z Zᵀ so that ρ
/// is scale-free. Equilibrium features are strongly collinear; without shrinkage the exact fit interpolates the
/// noise and swings wildly between training points.
/// </summary>
public static class LeastSquaresReadout
{
    /// <summary>Solves for C, D (and c when the model has an output bias) in place; returns the equilibrium used.</summary>
    /// <param name="ridge">ρ ≥ 0, relative to the mean feature energy. Default 1e-7.</param>
    /// <exception cref="EquilibriumNotConvergedException">The equilibrium of the training set did not converge.</exception>
    public static EquilibriumResult<T> Fit<T>(ImplicitModel<T> model, Dataset data, IEquilibriumSolver solver, double ridge = 1e-7)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(ridge >= 0)) throw new ArgumentOutOfRangeException(nameof(ridge), ridge, "The ridge weight must be >= 0.");
        var batch = data.Batch<T>(Enumerable.Range(0, data.SampleCount).ToArray());
        var eq = solver.SolveForward(model.A, model.Activation, model.InputTerm(batch.U)).EnsureConverged();
        FitFromState(model, eq.State, batch.U, batch.Y, ridge);
        return eq;
    }

    /// <summary>Solves for C, D (and c) in place given the state <paramref name="x"/> of inputs <paramref name="u"/>.</summary>
    internal static void FitFromState<T>(ImplicitModel<T> model, Matrix<T> x, Matrix<T> u, Matrix<T> y, double ridge)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var w = Solve(Stack(x, u, model.OutputBias is not null), y, ridge, model.StateSize + model.InputSize);
        int n = model.StateSize, p = model.InputSize;
        for (int i = 0; i < model.OutputSize; i++)
        {
            for (int j = 0; j < n; j++) model.C[i, j] = T.CreateTruncating(w[i, j]);
            for (int j = 0; j < p; j++) model.D[i, j] = T.CreateTruncating(w[i, n + j]);
            if (model.OutputBias is { } c) c[i] = T.CreateTruncating(w[i, n + p]);
        }
    }

    /// <summary>Z = [X; U; 1ᵀ] (the last row only when <paramref name="bias"/>).</summary>
    internal static Matrix<T> Stack<T>(Matrix<T> x, Matrix<T> u, bool bias) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var z = new Matrix<T>(x.Rows + u.Rows + (bias ? 1 : 0), x.Cols);
        x.Data.CopyTo(z.Data, 0);
        u.Data.CopyTo(z.Data, x.Length);
        if (bias) z.Row(z.Rows - 1).Fill(T.One);
        return z;
    }

    /// <summary>W = Y Zᵀ (Z Zᵀ + ρ I_shrunk)⁻¹ by Cholesky (LU if the system is not numerically positive definite).</summary>
    internal static MN.Matrix<double> Solve<T>(Matrix<T> z, Matrix<T> y, double ridge, int shrunkCount) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Products on our kernels, in double for a well-conditioned solve even when training in float.
        var zd = z.Convert<double>();
        var yd = y.Convert<double>();
        var gram = Gemm.Product(zd, false, zd, true);
        int shrunk = Math.Min(shrunkCount, gram.Rows);
        double scale = 0;
        for (int i = 0; i < shrunk; i++) scale += gram[i, i];
        scale = shrunk == 0 ? 0 : scale / shrunk;
        for (int i = 0; i < shrunk; i++) gram[i, i] += ridge * scale;
        var rhs = Gemm.Product(zd, false, yd, true); // Z Yᵀ, so that gram · Wᵀ = Z Yᵀ
        var g = gram.ToMathNet();
        var r = rhs.ToMathNet();
        MN.Matrix<double> wt;
        try { wt = g.Cholesky().Solve(r); }
        catch (ArgumentException) { wt = g.LU().Solve(r); }
        return wt.Transpose();
    }
}
