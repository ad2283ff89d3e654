using Idl.Numerics.Kernels;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Robustness;

/// <summary>
/// The least nonnegative solution X = (I − M)⁻¹R of X = MX + R for M ≥ 0, R ≥ 0, by the monotone iteration
/// X(0) = 0, X(t+1) = M·X(t) + R of §4.2 (no explicit inverse). The iterates increase towards the limit, so a
/// stopped iterate would under-estimate a bound; when ‖M‖∞ &lt; 1 the remaining tail Σⱼ Mʲ(X(t) − X(t−1)) ≤
/// δ‖M‖∞/(1 − ‖M‖∞) is added, which makes the returned X a certified upper bound on the limit.
/// </summary>
/// <param name="Tolerance">Stop when the largest increment is at most Tolerance·max(1, max X).</param>
/// <param name="MaxIterations">Iteration limit; reaching it is reported, never returned as converged.</param>
public sealed record NonnegativeFixedPoint(double Tolerance = 1e-12, int MaxIterations = 100_000)
{
    /// <summary>Solves X = MX + R; throws when the iteration does not converge (λ_PF(M) ≥ 1 or too slow).</summary>
    /// <exception cref="ArgumentException">Shapes disagree, or M or R has a negative or non-finite entry.</exception>
    /// <exception cref="BoundUnavailableException">No convergence within <see cref="MaxIterations"/>; the message says why.</exception>
    public Matrix<double> Solve(Matrix<double> m, Matrix<double> r, string what)
    {
        var (x, status, iterations) = TrySolve(m, r);
        if (status != SolverStatus.Converged)
            throw new BoundUnavailableException(
                $"The {what} iteration X ← MX + R stopped with {status} after {iterations} iterations: λ_PF of the norm matrix is " +
                "not below 1 (the model is not certified well-posed), so the bound does not exist.");
        return x;
    }

    /// <summary>Runs the iteration and returns the (tail-corrected) iterate with its status.</summary>
    public (Matrix<double> X, SolverStatus Status, int Iterations) TrySolve(Matrix<double> m, Matrix<double> r)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(r);
        Guard.Square(m, nameof(m));
        if (r.Rows != m.Rows)
            throw new ArgumentException($"M is {m.Shape} but R is {r.Shape}; R needs {m.Rows} rows.", nameof(r));
        CheckNonnegative(m, nameof(m));
        CheckNonnegative(r, nameof(r));
        var x = r.Clone();
        var next = new Matrix<double>(r.Rows, r.Cols);
        double norm = Norms.InfinityNorm(m);
        for (int t = 1; t <= MaxIterations; t++)
        {
            r.Data.CopyTo(next.Data, 0);
            Gemm.Multiply(m, false, x, false, next, default(ProductEpilogue<double>), accumulate: true);
            double delta = 0, top = 0;
            for (int i = 0; i < next.Length; i++)
            {
                double v = next.Data[i];
                if (!double.IsFinite(v)) return (next, SolverStatus.NonFinite, t);
                delta = Math.Max(delta, v - x.Data[i]);
                top = Math.Max(top, v);
            }
            next.Data.CopyTo(x.Data, 0);
            if (top > 1e300) return (x, SolverStatus.Diverged, t);
            if (delta <= Tolerance * Math.Max(1.0, top))
            {
                if (norm < 1)
                {
                    double tail = delta * norm / (1 - norm);
                    for (int i = 0; i < x.Length; i++) x.Data[i] += tail;
                }
                return (x, SolverStatus.Converged, t);
            }
        }
        return (x, SolverStatus.MaxIterations, MaxIterations);
    }

    private static void CheckNonnegative(Matrix<double> a, string name)
    {
        foreach (double v in a.Data)
            if (!(v >= 0) || !double.IsFinite(v))
                throw new ArgumentException($"{name} must be finite and nonnegative; found {v}.", name);
    }
}
