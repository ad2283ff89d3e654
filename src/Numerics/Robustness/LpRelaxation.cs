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
public sealed partial record LpRelaxation(double Slack = 1e-9, bool Triangle = true, double TimeLimitSeconds = 30)
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
}
