using System.Diagnostics;
using System.Numerics;
using Idl.Numerics.Models;
using Idl.Numerics.Training.Optimizers;
using Idl.Numerics.Training.Penalties;

namespace Idl.Numerics.Training.Steps;

/// <summary>
/// The one update of a projected-gradient step (§6.2), on the mean gradient of the step: the robustness penalty's
/// subgradient (eq. 4.7), the optimizer (Adam or SGD with momentum), the proximal steps of the ℓ1 and column-norm
/// penalties (§6.1, eq. 5.1), then the projection of A onto the well-posed set (eq. 6.7), so that ‖A‖∞ ≤ κ after
/// every step. The single-process trainer and the cluster's coordinator both apply it; the optimizer's state is
/// exported and imported for checkpoints.
/// </summary>
public sealed class ParameterUpdate<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly PenaltyOptions _penalties;
    private readonly ParameterBlocks _blocks;

    /// <summary>An update with the optimizer and penalties of <paramref name="options"/>.</summary>
    /// <param name="options">The validated training options.</param>
    /// <param name="constraint">The feasible set of A (and sparsity patterns of B, C, D).</param>
    /// <param name="blocks">The parameters to update; the rest stay fixed (block-coordinate descent, §6.3).</param>
    public ParameterUpdate(TrainingOptions options, WellPosednessConstraint constraint, ParameterBlocks blocks = ParameterBlocks.All)
    {
        ArgumentNullException.ThrowIfNull(options);
        Constraint = constraint ?? throw new ArgumentNullException(nameof(constraint));
        Optimizer = options.Optimizer == OptimizerKind.Adam ? new Adam<T>() : new SgdMomentum<T>(options.Momentum);
        (_penalties, _blocks) = (options.Penalties, blocks);
    }

    /// <summary>The projection applied after each update.</summary>
    public WellPosednessConstraint Constraint { get; }

    /// <summary>The update rule; its state is what a checkpoint must keep.</summary>
    public IOptimizer<T> Optimizer { get; }

    /// <summary>
    /// Applies step <paramref name="step"/> (1-based) to <paramref name="model"/> in place. <paramref name="mean"/> holds
    /// the mean gradient (<see cref="GradientSum{T}.ToMean"/>); the robustness subgradient is added to it.
    /// Returns the stopwatch ticks of the update and of the projection.
    /// </summary>
    /// <param name="epoch">The 1-based epoch of the step, for the divergence message.</param>
    /// <exception cref="TrainingDivergedException">The loss or a parameter is not finite after the update (the model is
    /// then not projected and must be discarded).</exception>
    public (long UpdateTicks, long ProjectTicks) Apply(ImplicitModel<T> model, GradientSum<T> mean, int step, double learningRate, int epoch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(mean);
        long t0 = Stopwatch.GetTimestamp();
        RobustnessPenalty.AddSubgradient(model, mean.A, mean.B, mean.C, mean.D, _penalties.Robustness);
        var o = Optimizer;
        o.BeginStep(step, learningRate);
        // Slots 0-5 name the tensors in checkpoints; they never change.
        if (_blocks.HasFlag(ParameterBlocks.A)) o.Update(0, model.A.Span, mean.A.Span);
        if (_blocks.HasFlag(ParameterBlocks.B)) o.Update(1, model.B.Span, mean.B.Span);
        if (_blocks.HasFlag(ParameterBlocks.C)) o.Update(2, model.C.Span, mean.C.Span);
        if (_blocks.HasFlag(ParameterBlocks.D)) o.Update(3, model.D.Span, mean.D.Span);
        if (_blocks.HasFlag(ParameterBlocks.StateBias) && model.StateBias is { } b && mean.StateBias is { } gb) o.Update(4, b, gb);
        if (_blocks.HasFlag(ParameterBlocks.OutputBias) && model.OutputBias is { } c && mean.OutputBias is { } gc) o.Update(5, c, gc);
        ProximalPenalties.L1(model, learningRate, _penalties.L1);
        ProximalPenalties.FeatureSelection(model, learningRate, _penalties.FeatureSelection);
        // Checked before the projection, which would otherwise fail on the first non-finite entry with a message about
        // matrix entries instead of saying that training diverged.
        DivergenceCheck.ThrowIfDiverged(mean.Count == 0 ? 0 : mean.LossSum / mean.Count, model, epoch, step);
        long t1 = Stopwatch.GetTimestamp();
        Constraint.Project(model);
        return (t1 - t0, Stopwatch.GetTimestamp() - t1);
    }
}
