using System.Numerics;
using Idl.Numerics.Data;
using Idl.Numerics.Models;

namespace Idl.Numerics.Training;

/// <summary>
/// Block-coordinate descent (§6.3) as run in §7.1: alternately (1) projected stochastic gradient on the state
/// block (A, B, b) for <see cref="TrainingOptions.Epochs"/> epochs with the read-out fixed, and (2) the exact
/// ridge least-squares read-out (C, D, c) given the equilibrium of the whole training set.
/// </summary>
/// <remarks>
/// Unlike §7.1, which starts the (A, B) block from a random read-out, the read-out is fitted once before the first
/// gradient block: with a random C the state gradient chases a meaningless target and degrades the features that
/// the final least-squares step needs (measured on the §7.1 problem, see docs/benchmarks.md).
/// </remarks>
public sealed class BlockCoordinateTrainer<T>(ImplicitModel<T> model, Dataset train, TrainingOptions options, int rounds = 1, double ridge = 1e-7)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The target standardisation a regression set was trained with, so RMSEs are reported in original units.</summary>
    public Standardization? TargetScaling { get; set; }

    /// <summary>Runs the rounds; each reported epoch is one gradient epoch, and each round ends with the least-squares step.</summary>
    public TrainingResult<T> Train(Dataset? validation = null, Dataset? test = null, IProgress<EpochReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (rounds < 1) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "BCD needs at least one round.");
        var reports = new List<EpochReport>();
        var gradient = new ProjectedGradientTrainer<T>(model, train, options, blocks: ParameterBlocks.State) { TargetScaling = TargetScaling };
        int epoch = 0;
        TrainingResult<T>? last = null;
        LeastSquaresReadout.Fit(model, train, gradient.ForwardSolver, ridge);
        for (int round = 1; round <= rounds; round++)
        {
            for (int e = 1; e <= options.Epochs; e++)
            {
                var r = gradient.TrainEpoch(++epoch, validation, test, cancellationToken);
                reports.Add(r);
                progress?.Report(r);
            }
            LeastSquaresReadout.Fit(model, train, gradient.ForwardSolver, ridge);
            var val = validation is null ? null : Evaluation.Run(model, validation, gradient.ForwardSolver, targetScaling: TargetScaling);
            var tst = test is null ? null : Evaluation.Run(model, test, gradient.ForwardSolver, targetScaling: TargetScaling);
            var trainEval = Evaluation.Run(model, train, gradient.ForwardSolver, targetScaling: TargetScaling);
            var report = reports[^1] with
            {
                TrainLoss = trainEval.Loss, ValidationLoss = val?.Loss, TestLoss = tst?.Loss,
                TestAccuracy = tst?.Accuracy, TestRmse = tst?.Rmse, Phase = "readout",
            };
            reports[^1] = report;
            progress?.Report(report);
            last = new TrainingResult<T>(model, reports, false, Penalties.SparsityReport.Of(model));
        }
        return last!;
    }
}
