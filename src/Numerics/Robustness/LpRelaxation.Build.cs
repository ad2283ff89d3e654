using Google.OrTools.LinearSolver;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Robustness;

/// <summary>The LP of <see cref="LpRelaxation"/>: variables, the ReLU rows, the cardinality row and the objective.</summary>
public sealed partial record LpRelaxation
{
    private Program Build(Solver solver, ImplicitModel<double> m, InputSet set, LpObjective objective, double[] x0, double[] sx, double[] bu0)
    {
        int n = m.StateSize, p = m.InputSize;
        var x = new Variable[n];
        var lo = new double[n];
        var hi = new double[n];
        for (int i = 0; i < n; i++)
        {
            (lo[i], hi[i]) = (Math.Max(0, x0[i] - sx[i]), x0[i] + sx[i]);
            x[i] = solver.MakeNumVar(lo[i], hi[i], $"x{i}");
        }
        var up = new Variable[p];
        var down = new Variable[p];
        for (int j = 0; j < p; j++)
        {
            var (dn, upper) = set.Range(j);
            up[j] = solver.MakeNumVar(0, upper, $"up{j}");
            down[j] = solver.MakeNumVar(0, dn, $"down{j}");
        }
        // Row i: xᵢ − (Ax)ᵢ − (B(u − u⁰))ᵢ ≥ (Bu⁰ + b)ᵢ, the relaxation of xᵢ = max(zᵢ, 0).
        for (int i = 0; i < n; i++)
        {
            var row = solver.MakeConstraint(bu0[i], double.PositiveInfinity, $"relu{i}");
            for (int j = 0; j < n; j++)
            {
                double a = m.A[i, j] - (i == j ? 1 : 0);
                if (a != 0) row.SetCoefficient(x[j], -a);
            }
            for (int j = 0; j < p; j++)
            {
                if (m.B[i, j] == 0) continue;
                row.SetCoefficient(up[j], -m.B[i, j]);
                row.SetCoefficient(down[j], m.B[i, j]);
            }
        }
        if (Triangle) AddUpperHull(solver, m, x, up, down, x0, sx, bu0);
        if (set.Cardinality is int k && k < p)
        {
            var card = solver.MakeConstraint(double.NegativeInfinity, k, "cardinality");
            for (int j = 0; j < p; j++)
            {
                if (set.Radius[j] <= 0) continue;
                card.SetCoefficient(up[j], 1 / set.Radius[j]);
                card.SetCoefficient(down[j], 1 / set.Radius[j]);
            }
        }
        double constant = SetObjective(solver, objective, x, up, down, x0, lo, hi, set, out double box);
        return new Program(x, up, down, constant, box);
    }

    /// <summary>x⁰: the equilibrium of u⁰ in float64 to near round-off.</summary>
    internal static double[] NominalState(ImplicitModel<double> model, double[] u0)
    {
        var solver = new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-13, RelativeTolerance = 0, MaxIterations = 100_000 });
        var eq = solver.SolveForward(model.A, model.Activation, model.InputTerm(new Matrix<double>(u0.Length, 1, (double[])u0.Clone())));
        eq.EnsureConverged();
        return eq.State.Data;
    }

    private static double SetObjective(Solver solver, LpObjective objective, Variable[] x, Variable[] up, Variable[] down,
        double[] x0, double[] lo, double[] hi, InputSet set, out double box)
    {
        var goal = solver.Objective();
        goal.SetMaximization();
        double constant = 0;
        box = 0;
        switch (objective)
        {
            case LpObjective.Linear lin:
                if (lin.C.Length != x.Length) throw new ArgumentException($"c has length {lin.C.Length} but n = {x.Length}.", nameof(objective));
                for (int i = 0; i < x.Length; i++)
                {
                    goal.SetCoefficient(x[i], lin.C[i]);
                    box += Math.Max(lin.C[i] * lo[i], lin.C[i] * hi[i]);
                }
                if (lin.D is { } d)
                {
                    if (d.Length != up.Length) throw new ArgumentException($"d has length {d.Length} but p = {up.Length}.", nameof(objective));
                    for (int j = 0; j < up.Length; j++)
                    {
                        goal.SetCoefficient(up[j], d[j]);
                        goal.SetCoefficient(down[j], -d[j]);
                        constant += d[j] * set.Nominal[j];
                        var (dn, u) = set.Range(j);
                        // With a cardinality limit this is still an upper bound on dᵀu over U.
                        box += d[j] * set.Nominal[j] + Math.Max(d[j] * u, -d[j] * dn);
                    }
                }
                break;
            case LpObjective.SquaredDistance:
                for (int i = 0; i < x.Length; i++)
                {
                    double fl = Sq(lo[i] - x0[i]), fh = Sq(hi[i] - x0[i]);
                    box += Math.Max(fl, fh);
                    if (hi[i] <= lo[i]) { constant += fl; continue; }
                    double slope = (fh - fl) / (hi[i] - lo[i]);
                    goal.SetCoefficient(x[i], slope);
                    constant += fl - slope * lo[i];
                }
                break;
            default:
                throw new ArgumentException($"Unknown objective {objective}.", nameof(objective));
        }
        return constant;
    }

    private static double Sq(double v) => v * v;

    private static void AddUpperHull(Solver solver, ImplicitModel<double> m, Variable[] x, Variable[] up, Variable[] down,
        double[] x0, double[] sx, double[] bu0)
    {
        int n = x.Length, p = up.Length;
        for (int i = 0; i < n; i++)
        {
            double z0 = bu0[i];
            for (int j = 0; j < n; j++) z0 += m.A[i, j] * x0[j];
            double lo = z0 - sx[i], hi = z0 + sx[i];
            if (hi <= 0)
            {
                x[i].SetUb(0);
                continue;
            }
            double slope = lo >= 0 ? 1 : hi / (hi - lo), offset = lo >= 0 ? 0 : lo;
            // xᵢ − s(Ax + Bδ)ᵢ ≤ s((Bu⁰ + b)ᵢ − l'), with l' = 0 on the active side.
            var row = solver.MakeConstraint(double.NegativeInfinity, slope * (bu0[i] - offset), $"hull{i}");
            for (int j = 0; j < n; j++)
            {
                double a = (i == j ? 1 : 0) - slope * m.A[i, j];
                if (a != 0) row.SetCoefficient(x[j], a);
            }
            for (int j = 0; j < p; j++)
            {
                if (m.B[i, j] == 0) continue;
                row.SetCoefficient(up[j], -slope * m.B[i, j]);
                row.SetCoefficient(down[j], slope * m.B[i, j]);
            }
        }
    }
}
