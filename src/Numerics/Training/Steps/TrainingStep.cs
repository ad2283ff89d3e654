using System.Diagnostics;
using System.Numerics;
using Idl.Numerics.Data;
using Idl.Numerics.Gradients;
using Idl.Numerics.Losses;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Training.Steps;

/// <summary>
/// The one computation of a projected-gradient training step (§6.2) for a batch of columns: solve the equilibrium
/// X = φ(AX + BU + b), evaluate the sum-reduced loss of Ŷ = CX + DU + c, solve the adjoint (eq. 6.5) and form the
/// gradient sums (eq. 6.4–6.6). The single-process trainer calls it for the whole batch, each shard for its part of
/// the batch; the parts add up in <see cref="GradientSum{T}"/> and <see cref="ParameterUpdate{T}"/> applies the mean.
/// A configured, immutable value; safe to share between threads.
/// </summary>
public sealed class TrainingStep<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SolverKind _kind;
    private readonly SolverOptions _backward;
    private readonly ILoss _loss;

    /// <summary>A step for data of task <paramref name="task"/> with the trainer's solver settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A solver option is out of range.</exception>
    public TrainingStep(DataTask task, SolverKind solver, SolverOptions forward, SolverOptions backward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        _kind = solver;
        Forward = SolverFactory.Create(solver, forward.Validate());
        _backward = backward.Validate();
        _loss = task == DataTask.Classification ? new SoftmaxCrossEntropy(Reduction.Sum) : new SquaredLoss(Reduction.Sum);
    }

    /// <summary>A step with the solver settings of <paramref name="options"/>.</summary>
    public TrainingStep(DataTask task, TrainingOptions options)
        : this(task, (options ?? throw new ArgumentNullException(nameof(options))).Solver, options.Forward, options.Backward)
    {
    }

    /// <summary>The forward solver (also the one evaluation uses).</summary>
    public IEquilibriumSolver Forward { get; }

    /// <summary>
    /// The contribution of <paramref name="batch"/> to a step over <paramref name="stepSamples"/> samples in all.
    /// </summary>
    /// <param name="model">The parameters after the previous update; read only.</param>
    /// <param name="batch">This part's columns.</param>
    /// <param name="stepSamples">
    /// The step's sample count M over all parts (at least the batch's own). The loss is a sum, so the adjoint V is
    /// M times the mean-loss adjoint; the adjoint's absolute tolerance is scaled by M so that every part stops where a
    /// mean-loss solve of the whole batch would, however the batch is split.
    /// </param>
    /// <param name="states">Each column's previous equilibrium to start from, or null for the default start.</param>
    /// <param name="adjoints">Each column's previous adjoint to start from, or null for zero.</param>
    /// <exception cref="ArgumentException">The batch's shapes do not match the model's.</exception>
    public StepContribution<T> Compute(ImplicitModel<T> model, MiniBatch<T> batch, int stepSamples,
        Matrix<T>? states = null, Matrix<T>? adjoints = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        if (model.InputSize != batch.U.Rows || model.OutputSize != batch.Y.Rows)
            throw new ArgumentException(
                $"The model takes {model.InputSize} features and gives {model.OutputSize} outputs but the batch has {batch.U.Rows} and {batch.Y.Rows}.",
                nameof(batch));
        int m = Math.Max(stepSamples, batch.Size);
        long t0 = Stopwatch.GetTimestamp();
        var equilibrium = Forward.SolveForward(model.A, model.Activation, model.InputTerm(batch.U), states);
        var output = model.Output(equilibrium.State, batch.U);
        var g = new Matrix<T>(output.Rows, output.Cols);
        double lossSum = _loss.Evaluate(batch.Y, output, g);
        int correct = batch.Labels is { } labels ? Evaluation.CountCorrect(output, labels) : 0;
        long t1 = Stopwatch.GetTimestamp();
        var adjointSolver = SolverFactory.Create(_kind, _backward with { AbsoluteTolerance = _backward.Absolute<T>() * m });
        var gradient = ImplicitDifferentiation.Compute(model, batch.U, equilibrium.State, g, adjointSolver, adjointWarmStart: adjoints);
        return new StepContribution<T>(gradient, equilibrium, lossSum, batch.Size, correct, t1 - t0, Stopwatch.GetTimestamp() - t1);
    }
}
