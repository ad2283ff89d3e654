using System.Numerics;
using Google.OrTools.LinearSolver;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Robustness;

/// <summary>
/// The LP relaxation of Theorem 4.3 for ReLU models, in its bidual form
/// p̄ = max Σᵢ fᵢ(xᵢ) s.t. x ≥ Ax + Bu + b, x ≥ 0, |x − x⁰| ≤ σₓ, u ∈ U, solved with GLOP (OR-Tools). σₓ is the
/// Theorem 4.1 bound for U, so every equilibrium of an input in U is feasible and p̄ ≥ p* (problem 4.9); the
/// state box is a constraint, so p̄ never exceeds the box bound Σᵢ max fᵢ over it.
/// </summary>
/// <remarks>
/// The paper's form only bounds x from below by z = Ax + Bu + b, so its maximiser leaves u free wherever the
/// objective does not push on it. With <see cref="Triangle"/> the upper side of the convex hull of {(z, z₊)} on
/// the pre-activation interval [lᵢ, hᵢ] = z⁰ᵢ ∓ σₓᵢ (|z − z⁰| ≤ |A|σₓ + r = σₓ for ReLU) is added: xᵢ = zᵢ where
/// lᵢ ≥ 0, xᵢ = 0 where hᵢ ≤ 0, else xᵢ ≤ hᵢ(zᵢ − lᵢ)/(hᵢ − lᵢ). Every equilibrium still satisfies it, so the bound
/// stays valid, can only tighten, and the suggested u now drives the state.
/// </remarks>
/// <param name="Slack">Added to σₓ so that equilibria computed to round-off stay feasible.</param>
/// <param name="Triangle">Add the upper (triangle) side of the ReLU hull; false gives exactly the paper's form.</param>
/// <param name="TimeLimitSeconds">GLOP's wall-clock limit for one LP; reaching it is an error, never a bound.</param>
public sealed record LpRelaxation(double Slack = 1e-9, bool Triangle = true, double TimeLimitSeconds = 30)
{
    /// <summary>Solves the relaxation for the nominal input and set <paramref name="set"/>.</summary>
    /// <exception cref="ArgumentException">φ is not ReLU on every state, or the set does not match the model.</exception>
    /// <exception cref="InvalidOperationException">The nominal equilibrium or the LP did not solve (the message says which).</exception>
    public LpResult Solve<T>(ImplicitModel<T> model, InputSet set, LpObjective objective) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(objective);
        set.Validate(model.InputSize);
        if (model.Activation.Segments.Any(s => s.Activation is not Relu))
            throw new ArgumentException($"The LP relaxation (Theorem 4.3) is for ReLU models; φ is {model.Activation}.", nameof(model));
        var m = model.Convert<double>();
        int n = m.StateSize, p = m.InputSize;
        double[] x0 = NominalState(m, set.Nominal);
        double[] sx = StateBounds.Componentwise(m, set.Radius, set.Cardinality);
        for (int i = 0; i < n; i++) sx[i] += Slack * (1 + Math.Abs(x0[i]));

        var bu0 = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = m.StateBias?[i] ?? 0;
            for (int j = 0; j < p; j++) s += m.B[i, j] * set.Nominal[j];
            bu0[i] = s;
        }
        var failures = new List<string>();
        foreach (string parameters in GlopSettings)
        {
            using var solver = Solver.CreateSolver("GLOP") ?? throw new BoundUnavailableException("OR-Tools has no GLOP solver on this platform.");
            solver.SetSolverSpecificParametersAsString(parameters);
            solver.SetTimeLimit((long)(TimeLimitSeconds * 1000));
            var lp = Build(solver, m, set, objective, x0, sx, bu0);
            var status = solver.Solve();
            if (status == Solver.ResultStatus.OPTIMAL) return lp.Result(solver, set, x0, sx);
            failures.Add($"{status} ({parameters})");
        }
        throw new BoundUnavailableException($"GLOP did not solve the LP relaxation (n = {n}, p = {p}): {string.Join("; ", failures)}.");
    }

    // GLOP's default primal simplex was seen to cycle without end on some trained models (its time limit did not stop
    // it); these settings, each with an iteration cap, are tried in turn and the first optimal answer is used.
    private static readonly string[] GlopSettings =
    [
        "use_scaling: false max_number_of_iterations: 200000",
        "use_dual_simplex: true max_number_of_iterations: 200000",
        "use_preprocessing: false use_dual_simplex: true max_number_of_iterations: 200000",
    ];

    private sealed record Program(Variable[] X, Variable[] Up, Variable[] Down, double Constant, double Box)
    {
        public LpResult Result(Solver solver, InputSet set, double[] x0, double[] sx)
        {
            var u = new double[Up.Length];
            for (int j = 0; j < u.Length; j++) u[j] = set.Nominal[j] + Up[j].SolutionValue() - Down[j].SolutionValue();
            return new LpResult(solver.Objective().Value() + Constant, Box, u, X.Select(v => v.SolutionValue()).ToArray(), x0, sx);
        }
    }

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
