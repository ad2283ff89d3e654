using Idl.Numerics.Solvers;
using System.Diagnostics;
using System.Numerics;
using Idl.Numerics.Data;
using Idl.Numerics.Kernels;
using Idl.Numerics.Losses;
using Idl.Numerics.Models;
using Idl.Numerics.Projections;

namespace Idl.Numerics.Training.Fenchel;

/// <summary>
/// Block-coordinate descent on the Fenchel-relaxed training problem of §6.3 for ReLU models, full batch:
/// minimise J = L(Y, CX + DU + c) + (1/m) λᵀF(X, AX + BU + b) over X ≥ 0, (A, B, b) with ‖A‖∞ ≤ κ, and (C, D, c),
/// one block at a time. The (A, B, b) block is convex (F is convex in its second argument), the (C, D, c) block is
/// ridge least squares for the squared loss (a convex gradient block otherwise), and the X block takes projected
/// gradient steps on X ≥ 0. Every step uses backtracking, so J never increases. Predictions after training use the
/// true equilibrium; F measures how far the relaxed X is from it.
/// </summary>
public sealed class FenchelTrainer<T>(ImplicitModel<T> model, Dataset train, TrainingOptions options, double lambda = 1.0, int innerSteps = 20)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The target standardisation a regression set was trained with, so RMSEs are reported in original units.</summary>
    public Standardization? TargetScaling { get; set; }

    /// <summary>J after each round, first entry before any update (for tests: it must not increase).</summary>
    public List<double> Objective { get; } = [];

    /// <summary>Runs <see cref="TrainingOptions.Epochs"/> rounds of the three block updates.</summary>
    public TrainingResult<T> Train(Dataset? test = null, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (!model.Activation.Segments.All(s => s.Activation is Activations.Relu))
            throw new NotSupportedException("The Fenchel-relaxed trainer implements the ReLU divergence of eq. 6.8; the model's activation is " + model.Activation + ".");
        if (!(lambda > 0)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The Fenchel weight lambda must be > 0.");
        var solver = SolverFactory.Create(options.Solver, options.Forward);
        var batch = train.Batch<T>(Enumerable.Range(0, train.SampleCount).ToArray());
        var problem = new FenchelProblem<T>(model, batch.U, batch.Y, Evaluation.LossFor(train.Task), lambda, options.Kappa);
        var x = solver.SolveForward(model.A, model.Activation, model.InputTerm(batch.U)).State;
        Objective.Add(problem.Value(x));
        var reports = new List<EpochReport>();
        for (int round = 1; round <= options.Epochs; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            x = problem.StepX(x, innerSteps);
            problem.StepStateParameters(x, innerSteps);
            problem.FitReadout(x, innerSteps);
            // The relaxed X can fit what no equilibrium reaches; predictions use the equilibrium, so the last round
            // refits the read-out on it (least squares for the squared loss).
            if (round == options.Epochs && train.Task == DataTask.Regression) LeastSquaresReadout.Fit(model, train, solver);
            clock.Stop();
            if (round < options.Epochs || train.Task != DataTask.Regression) Objective.Add(problem.Value(x));
            var eval = test is null ? null : Evaluation.Run(model, test, solver, targetScaling: TargetScaling);
            var report = new EpochReport
            {
                Epoch = round, LearningRate = 0, TrainLoss = Objective[^1], TestLoss = eval?.Loss,
                TestAccuracy = eval?.Accuracy, TestRmse = eval?.Rmse,
                SamplesPerSecond = train.SampleCount / Math.Max(clock.Elapsed.TotalSeconds, 1e-9), TrainSeconds = clock.Elapsed.TotalSeconds,
                ForwardIterationsMean = eval?.ForwardIterationsMean ?? 0, BackwardIterationsMean = 0,
                NonConvergedSolves = eval?.NonConverged ?? 0, InfNormA = Norms.InfinityNorm(model.A),
            };
            reports.Add(report);
            progress?.Report(report);
        }
        return new TrainingResult<T>(model, reports, false, Penalties.SparsityReport.Of(model));
    }
}
