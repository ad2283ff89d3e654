using Idl.Numerics.Models;
using Idl.Numerics.Robustness;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Attacks;

/// <summary>
/// The LP attack of §7.3.2 on one sample: the LP relaxation of Theorem 4.3 over {‖u − u⁰‖∞ ≤ ε} (optionally at
/// most k changed inputs, and clipped to the valid input range) suggests an input, and the attack succeeds when the
/// model, solved exactly at that input, misclassifies it. The objective is either the paper's squared state distance
/// or the output margin ŷ_r − ŷ_t of the runner-up class r over the true class t; with the margin, a bound below
/// zero certifies that no input in the set makes r beat t.
/// </summary>
/// <param name="Epsilon">The radius ε of the box, in model input units.</param>
/// <param name="Cardinality">k, the most inputs changed, or null for the plain box.</param>
/// <param name="Objective">What the LP maximises.</param>
public sealed record LpAttack(double Epsilon, int? Cardinality = null, LpAttackObjective Objective = LpAttackObjective.Margin)
{
    /// <summary>The solver that checks the LP's input: tight, so that a flip is a property of the model, not of a tolerance.</summary>
    public static IEquilibriumSolver VerificationSolver { get; } =
        new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-10, RelativeTolerance = 0, MaxIterations = 100_000 });

    /// <summary>Attacks the sample <paramref name="u0"/> with true class <paramref name="label"/>.</summary>
    public LpAttackResult Attack(ImplicitModel<double> model, double[] u0, int label, double[] lower, double[] upper, IEquilibriumSolver solver)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(Epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "The LP attack needs ε > 0.");
        int p = model.InputSize, q = model.OutputSize;
        var clean = model.Predict(new Matrix<double>(p, 1, (double[])u0.Clone()), solver).Output;
        int before = AttackRunner.ArgMax(clean)[0];
        var set = new InputSet(u0, Enumerable.Repeat(Epsilon, p).ToArray(), Cardinality, lower, upper);
        LpObjective objective;
        double constant = 0;
        if (Objective == LpAttackObjective.Margin)
        {
            int rival = Enumerable.Range(0, q).Where(i => i != label).MaxBy(i => clean[i, 0]);
            var c = new double[model.StateSize];
            var d = new double[p];
            for (int i = 0; i < c.Length; i++) c[i] = model.C[rival, i] - model.C[label, i];
            for (int j = 0; j < p; j++) d[j] = model.D[rival, j] - model.D[label, j];
            if (model.OutputBias is { } bias) constant = bias[rival] - bias[label];
            objective = new LpObjective.Linear(c, d);
        }
        else objective = new LpObjective.SquaredDistance();
        var lp = new LpRelaxation().Solve(model, set, objective);
        var attacked = model.Predict(new Matrix<double>(p, 1, (double[])lp.Input.Clone()), solver).Output;
        int after = AttackRunner.ArgMax(attacked)[0];
        return new LpAttackResult(before, after, before == label && after != label, lp.Bound + constant, lp.Input);
    }
}
