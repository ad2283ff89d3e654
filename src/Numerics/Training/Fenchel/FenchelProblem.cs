using System.Numerics;
using Idl.Numerics.Kernels;
using Idl.Numerics.Losses;
using Idl.Numerics.Models;
using Idl.Numerics.Projections;

namespace Idl.Numerics.Training.Fenchel;

/// <summary>The relaxed objective J of <see cref="FenchelTrainer{T}"/> and its three block updates (full batch).</summary>
internal sealed class FenchelProblem<T>(ImplicitModel<T> model, Matrix<T> u, Matrix<T> y, ILoss loss, double lambda, double kappa)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly double[] _lambda = Enumerable.Repeat(lambda / u.Cols, model.StateSize).ToArray();

    public double Value(Matrix<T> x) => loss.Evaluate(y, model.Output(x, u)) + FenchelDivergence.Value(x, Z(x), _lambda);

    private Matrix<T> Z(Matrix<T> x)
    {
        var z = new Matrix<T>(x.Rows, x.Cols);
        Gemm.Multiply(model.A, false, x, false, z, default(AddEpilogue<T>), model.InputTerm(u));
        return z;
    }

    /// <summary>Projected gradient on X ≥ 0: ∇ = CᵀG + λ(X − Z) + Aᵀλ(Z₊ − X).</summary>
    public Matrix<T> StepX(Matrix<T> x, int steps)
    {
        double step = 1.0;
        for (int k = 0; k < steps; k++)
        {
            var z = Z(x);
            var g = new Matrix<T>(y.Rows, y.Cols);
            double value = loss.Evaluate(y, model.Output(x, u), g) + FenchelDivergence.Value(x, z, _lambda);
            var grad = Gemm.Product(model.C, true, g, false);
            FenchelDivergence.AddGradientX(x, z, _lambda, grad);
            var gz = new Matrix<T>(x.Rows, x.Cols);
            FenchelDivergence.GradientZ(x, z, _lambda, gz);
            Gemm.Multiply(model.A, true, gz, false, grad, default(ProductEpilogue<T>), accumulate: true);
            x = Backtrack(x, grad, value, ref step, candidate =>
            {
                foreach (ref var v in candidate.Span) v = T.Max(v, T.Zero);
            }, Value);
        }
        return x;
    }

    /// <summary>Projected gradient on (A, B, b) for the convex λᵀF(X, AX + BU + b), with ‖A‖∞ ≤ κ kept by the exact projection.</summary>
    public void StepStateParameters(Matrix<T> x, int steps)
    {
        double step = 1.0;
        for (int k = 0; k < steps; k++)
        {
            var z = Z(x);
            double value = FenchelDivergence.Value(x, z, _lambda);
            var gz = new Matrix<T>(x.Rows, x.Cols);
            FenchelDivergence.GradientZ(x, z, _lambda, gz);
            var gradA = Gemm.Product(gz, false, x, true);
            var gradB = Gemm.Product(gz, false, u, true);
            var (a0, b0) = (model.A.Clone(), model.B.Clone());
            var bias0 = model.StateBias is null ? null : new Matrix<T>(1, model.StateSize, (T[])model.StateBias.Clone());
            var gradBias = new Matrix<T>(1, model.StateSize, Enumerable.Range(0, model.StateSize).Select(i => RowSum(gz, i)).ToArray());
            while (true)
            {
                Axpy(a0, gradA, step, model.A);
                Axpy(b0, gradB, step, model.B);
                L1BallProjection.Exact.ProjectInPlace(model.A, kappa);
                double moved = SquaredDistance(a0, model.A) + SquaredDistance(b0, model.B);
                double linear = Dot(gradA, model.A, a0) + Dot(gradB, model.B, b0);
                if (bias0 is not null)
                {
                    var bias = new Matrix<T>(1, model.StateSize, model.StateBias!);
                    Axpy(bias0, gradBias, step, bias);
                    moved += SquaredDistance(bias0, bias);
                    linear += Dot(gradBias, bias, bias0);
                }
                double next = FenchelDivergence.Value(x, Z(x), _lambda);
                if (next <= value + linear + moved / (2 * step) + 1e-12 * Math.Abs(value) || step < 1e-12) break;
                step *= 0.5;
            }
            step *= 2;
        }
    }

    /// <summary>Least squares for the squared loss; backtracking gradient steps on (C, D, c) for cross-entropy.</summary>
    public void FitReadout(Matrix<T> x, int steps)
    {
        if (loss is SquaredLoss)
        {
            LeastSquaresReadout.FitFromState(model, x, u, y, 1e-7);
            return;
        }
        double step = 1.0;
        for (int k = 0; k < steps; k++)
        {
            var g = new Matrix<T>(y.Rows, y.Cols);
            double value = loss.Evaluate(y, model.Output(x, u), g);
            var gradC = Gemm.Product(g, false, x, true);
            var gradD = Gemm.Product(g, false, u, true);
            var (c0, d0) = (model.C.Clone(), model.D.Clone());
            double norm2 = SquaredDistance(gradC, new Matrix<T>(gradC.Rows, gradC.Cols)) + SquaredDistance(gradD, new Matrix<T>(gradD.Rows, gradD.Cols));
            while (true)
            {
                Axpy(c0, gradC, step, model.C);
                Axpy(d0, gradD, step, model.D);
                if (loss.Evaluate(y, model.Output(x, u)) <= value - 0.5 * step * norm2 || step < 1e-12) break;
                step *= 0.5;
            }
            step *= 2;
        }
    }

    private static Matrix<T> Backtrack(Matrix<T> x, Matrix<T> grad, double value, ref double step, Action<Matrix<T>> project, Func<Matrix<T>, double> objective)
    {
        while (true)
        {
            var candidate = new Matrix<T>(x.Rows, x.Cols);
            Axpy(x, grad, step, candidate);
            project(candidate);
            double moved = SquaredDistance(x, candidate);
            double linear = Dot(grad, candidate, x);
            if (objective(candidate) <= value + linear + moved / (2 * step) + 1e-12 * Math.Abs(value) || step < 1e-12)
            {
                step *= 2;
                return candidate;
            }
            step *= 0.5;
        }
    }

    private static void Axpy(Matrix<T> x, Matrix<T> g, double step, Matrix<T> result)
    {
        T s = T.CreateTruncating(step);
        for (int i = 0; i < x.Length; i++) result.Data[i] = x.Data[i] - s * g.Data[i];
    }

    private static double SquaredDistance(Matrix<T> a, Matrix<T> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) { double d = double.CreateTruncating(a.Data[i] - b.Data[i]); s += d * d; }
        return s;
    }

    // ⟨g, a − b⟩
    private static double Dot(Matrix<T> g, Matrix<T> a, Matrix<T> b)
    {
        double s = 0;
        for (int i = 0; i < g.Length; i++) s += double.CreateTruncating(g.Data[i]) * double.CreateTruncating(a.Data[i] - b.Data[i]);
        return s;
    }

    private static T RowSum(Matrix<T> m, int row)
    {
        T s = T.Zero;
        foreach (var v in m.Row(row)) s += v;
        return s;
    }
}
