using System.Numerics;
using Idl.Numerics.Gradients;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Training.Steps;

/// <summary>
/// What one batch of columns contributes to a training step (<see cref="TrainingStep{T}"/>): the gradient SUMS of the
/// sum-reduced loss over its samples (so that parts add up, <see cref="GradientSum{T}"/>), the loss sum, the count of
/// correct predictions, and the forward and adjoint solves with their states (kept for warm starts).
/// </summary>
/// <param name="Gradient">Σ over the batch of the parameter gradients; <see cref="ModelGradient{T}.Adjoint"/> is the adjoint solve.</param>
/// <param name="Equilibrium">The forward solve; its state is the equilibrium X of the batch.</param>
/// <param name="LossSum">Σ of the per-sample losses.</param>
/// <param name="Count">The batch's sample count.</param>
/// <param name="Correct">Correctly classified samples (0 for regression).</param>
/// <param name="ForwardTicks">Stopwatch ticks of the forward solve, output and loss.</param>
/// <param name="AdjointTicks">Stopwatch ticks of the adjoint solve and the gradient products.</param>
public sealed record StepContribution<T>(
    ModelGradient<T> Gradient, EquilibriumResult<T> Equilibrium, double LossSum, int Count, int Correct, long ForwardTicks, long AdjointTicks)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Solves of this contribution that stopped without converging (0, 1 or 2).</summary>
    public int NonConverged => (Equilibrium.IsConverged ? 0 : 1) + (Gradient.Adjoint.IsConverged ? 0 : 1);
}
