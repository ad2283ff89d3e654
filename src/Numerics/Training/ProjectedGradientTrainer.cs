using System.Diagnostics;
using System.Numerics;
using Idl.Numerics.Data;
using Idl.Numerics.Kernels;
using Idl.Numerics.Models;
using Idl.Numerics.Projections;
using Idl.Numerics.Solvers;
using Idl.Numerics.Training.Penalties;
using Idl.Numerics.Training.Steps;

namespace Idl.Numerics.Training;

/// <summary>
/// Projected stochastic gradient training (§6.2): per mini-batch, solve the equilibrium, differentiate through it
/// with the adjoint equation, take an Adam or SGD step, apply the proximal penalties, and project A back onto the
/// well-posed set, so that ‖A‖∞ ≤ κ holds after every step.
/// </summary>
public sealed class ProjectedGradientTrainer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ImplicitModel<T> _model;
    private readonly Dataset _train;
    private readonly TrainingOptions _options;
    private readonly TrainingStep<T> _stepper;
    private readonly ParameterUpdate<T> _update;
    private readonly GradientSum<T> _sum;
    private readonly MiniBatchIterator _batches;
    private readonly StateCache<T>? _states;
    private readonly StateCache<T>? _adjoints;
    private int _step;
    private StepPhases _phases;

    /// <summary>Prepares training of <paramref name="model"/> (updated in place) on <paramref name="train"/>.</summary>
    /// <exception cref="ArgumentException">The data's shapes do not match the model's.</exception>
    /// <param name="blocks">The parameters to update; the rest stay fixed (block-coordinate descent).</param>
    public ProjectedGradientTrainer(ImplicitModel<T> model, Dataset train, TrainingOptions options,
        WellPosednessConstraint? constraint = null, ParameterBlocks blocks = ParameterBlocks.All)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        if (train.SampleCount == 0) throw new ArgumentException($"Training set '{train.Name}' is empty.", nameof(train));
        if (train.FeatureCount != model.InputSize || train.OutputCount != model.OutputSize)
            throw new ArgumentException(
                $"Data set '{train.Name}' has {train.FeatureCount} features and {train.OutputCount} outputs but the model takes {model.InputSize} and gives {model.OutputSize}.",
                nameof(train));
        (_model, _train) = (model, train);
        _stepper = new TrainingStep<T>(train.Task, options);
        // Rows of A are projected on the same threads as the kernels use (bit-identical to one thread).
        _update = new ParameterUpdate<T>(options,
            constraint ?? new WellPosednessConstraint(options.Kappa, projection: L1BallProjection.WithThreads(ComputeThreads.Count)), blocks);
        _sum = new GradientSum<T>(model.StateSize, model.InputSize, model.OutputSize, model.StateBias is not null, model.OutputBias is not null);
        _batches = new MiniBatchIterator(train.SampleCount, Math.Min(options.BatchSize, train.SampleCount), options.Seed);
        if (options.WarmStart && 2 * StateCache<T>.Bytes(train.SampleCount, model.StateSize) <= options.WarmStartMemoryLimit)
            (_states, _adjoints) = (new StateCache<T>(train.SampleCount, model.StateSize), new StateCache<T>(train.SampleCount, model.StateSize));
        _update.Constraint.Project(_model);
    }

    /// <summary>The model being trained.</summary>
    public ImplicitModel<T> Model => _model;

    /// <summary>The target standardisation a regression set was trained with, so RMSEs are reported in original units.</summary>
    public Standardization? TargetScaling { get; set; }

    /// <summary>Called after every step with (steps done, steps in the epoch), for progress bars.</summary>
    public Action<int, int>? StepCompleted { get; set; }

    /// <summary>The solver used for forward solves (and evaluation).</summary>
    public IEquilibriumSolver ForwardSolver => _stepper.Forward;

    /// <summary>Runs every epoch, evaluating on the optional sets after each; stops early on a stalled validation loss.</summary>
    public TrainingResult<T> Train(Dataset? validation = null, Dataset? test = null, IProgress<EpochReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var reports = new List<EpochReport>();
        double bestValidation = double.PositiveInfinity;
        ImplicitModel<T>? best = null;
        int sinceBest = 0;
        bool stoppedEarly = false;
        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var report = TrainEpoch(epoch, validation, test, cancellationToken);
            reports.Add(report);
            progress?.Report(report);
            if (_options.EarlyStoppingPatience is not { } patience || report.ValidationLoss is not { } v) continue;
            if (v < bestValidation) (bestValidation, best, sinceBest) = (v, _model.Clone(), 0);
            else if (++sinceBest >= patience)
            {
                stoppedEarly = true;
                break;
            }
        }
        if (stoppedEarly && best is not null) CopyParameters(best, _model);
        return new TrainingResult<T>(_model, reports, stoppedEarly, SparsityReport.Of(_model, _options.Penalties.ZeroThreshold));
    }

    /// <summary>One pass over the training set (1-based <paramref name="epoch"/>), then evaluation.</summary>
    public EpochReport TrainEpoch(int epoch, Dataset? validation = null, Dataset? test = null, CancellationToken cancellationToken = default)
    {
        double lr = _options.Schedule.Rate(_options.LearningRate, epoch, _options.Epochs);
        double lossSum = 0;
        long forwardIterations = 0, backwardIterations = 0;
        int steps = 0, nonConverged = 0, samples = 0;
        var clock = Stopwatch.StartNew();
        _phases = default;
        foreach (var indices in _batches.Indices(epoch - 1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stats = Step(indices, lr, epoch);
            lossSum += stats.Loss * indices.Length;
            forwardIterations += stats.ForwardIterations;
            backwardIterations += stats.BackwardIterations;
            nonConverged += stats.NonConverged;
            samples += indices.Length;
            steps++;
            StepCompleted?.Invoke(steps, _batches.BatchesPerEpoch);
        }
        clock.Stop();
        var val = validation is null ? null : Evaluation.Run(_model, validation, _stepper.Forward, targetScaling: TargetScaling);
        var tst = test is null ? null : Evaluation.Run(_model, test, _stepper.Forward, targetScaling: TargetScaling);
        return new EpochReport
        {
            Epoch = epoch,
            LearningRate = lr,
            TrainLoss = lossSum / Math.Max(samples, 1),
            ValidationLoss = val?.Loss,
            TestLoss = tst?.Loss,
            TestAccuracy = tst?.Accuracy,
            TestRmse = tst?.Rmse,
            SamplesPerSecond = samples / Math.Max(clock.Elapsed.TotalSeconds, 1e-9),
            TrainSeconds = clock.Elapsed.TotalSeconds,
            ForwardIterationsMean = steps == 0 ? 0 : (double)forwardIterations / steps,
            BackwardIterationsMean = steps == 0 ? 0 : (double)backwardIterations / steps,
            NonConvergedSolves = nonConverged,
            InfNormA = Norms.InfinityNorm(_model.A),
            PhaseSeconds = _phases.ToSeconds(),
        };
    }

    private StepStats Step(int[] indices, double lr, int epoch)
    {
        long t0 = Stopwatch.GetTimestamp();
        var batch = _train.Batch<T>(indices);
        long t1 = Stopwatch.GetTimestamp();
        var part = _stepper.Compute(_model, batch, indices.Length, _states?.Gather(indices), _adjoints?.Gather(indices));
        _states?.Scatter(indices, part.Equilibrium.State);
        _adjoints?.Scatter(indices, part.Gradient.Adjoint.State);
        _sum.Clear();
        _sum.Add(GradientView<T>.Of(part.Gradient), part.Count, part.LossSum);
        double loss = _sum.ToMean();
        var (update, project) = _update.Apply(_model, _sum, ++_step, lr, epoch);
        _phases.Add(t1 - t0, part.ForwardTicks, part.AdjointTicks, update, project);
        return new StepStats(loss, part.Equilibrium.Iterations, part.Gradient.Adjoint.Iterations, part.NonConverged);
    }

    private static void CopyParameters(ImplicitModel<T> from, ImplicitModel<T> to)
    {
        to.A.CopyFrom(from.A);
        to.B.CopyFrom(from.B);
        to.C.CopyFrom(from.C);
        to.D.CopyFrom(from.D);
        from.StateBias?.CopyTo(to.StateBias!, 0);
        from.OutputBias?.CopyTo(to.OutputBias!, 0);
    }

    private readonly record struct StepStats(double Loss, int ForwardIterations, int BackwardIterations, int NonConverged);
}
