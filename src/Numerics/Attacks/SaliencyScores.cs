using Idl.Numerics.Data;
using Idl.Numerics.Gradients;
using Idl.Numerics.Losses;
using Idl.Numerics.Models;
using Idl.Numerics.Robustness;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Attacks;

/// <summary>
/// The per-input scores a saliency attack (§7.3.1) ranks: p×1 when every sample shares one ranking, p×m when each
/// sample has its own. Built once per model (<see cref="For"/>), then asked per batch.
/// </summary>
public sealed class SaliencyScores
{
    private readonly ImplicitModel<double> model;
    private readonly IEquilibriumSolver solver;
    private readonly Matrix<double>? sensitivity;
    private readonly Matrix<double>? columnSums;

    private SaliencyScores(ImplicitModel<double> model, IEquilibriumSolver solver, AttackMethod method, SaliencyTarget target)
    {
        (this.model, this.solver, Method, Target) = (model, solver, method, target);
        if (method != AttackMethod.Sensitivity) return;
        sensitivity = SensitivityMatrix.Compute(model);
        if (target == SaliencyTarget.AllOutputs)
            columnSums = new Matrix<double>(model.InputSize, 1, SensitivityMatrix.ColumnSums(sensitivity));
    }

    /// <summary>The attack method.</summary>
    public AttackMethod Method { get; }

    /// <summary>What the scores measure.</summary>
    public SaliencyTarget Target { get; }

    /// <summary>Prepares the scores of <paramref name="method"/> with <paramref name="target"/>; computes S once for the sensitivity attack.</summary>
    /// <exception cref="ArgumentException">The LP method, the loss target with the sensitivity method, or all outputs with the gradient method.</exception>
    public static SaliencyScores For(ImplicitModel<double> model, IEquilibriumSolver solver, AttackMethod method, SaliencyTarget target)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(solver);
        if (method == AttackMethod.Lp) throw new ArgumentException("Use LpAttack for --method lp.", nameof(method));
        if (method == AttackMethod.Sensitivity && target == SaliencyTarget.Loss)
            throw new ArgumentException("The sensitivity matrix bounds the outputs, not the loss: use all outputs or the label.", nameof(target));
        if (method == AttackMethod.Gradient && target == SaliencyTarget.AllOutputs)
            throw new ArgumentException("The gradient attack ranks by one scalar: use the label's score or the loss.", nameof(target));
        return new SaliencyScores(model, solver, method, target);
    }

    /// <summary>The scores of <paramref name="batch"/>, whose clean prediction is <paramref name="clean"/>.</summary>
    public Matrix<double> Of(MiniBatch<double> batch, Prediction<double> clean)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (columnSums is not null) return columnSums;
        if (sensitivity is not null) return LabelRows(sensitivity, batch.Labels!);
        return InputGradient(model, batch, clean, solver, Target);
    }

    /// <summary>
    /// |∂F/∂u| per sample (p×m) by implicit differentiation: F = ŷ_y, the score of the true class (<see cref="SaliencyTarget.Label"/>),
    /// or the softmax cross-entropy at the true label (<see cref="SaliencyTarget.Loss"/>).
    /// </summary>
    public static Matrix<double> InputGradient(ImplicitModel<double> model, MiniBatch<double> batch, Prediction<double> prediction,
        IEquilibriumSolver solver, SaliencyTarget target)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(prediction);
        // ∂F/∂ŷ: the one-hot label selects ŷ_y; the loss's is softmax(ŷ) − onehot(y).
        var g = target switch
        {
            SaliencyTarget.Label => batch.Y.Clone(),
            SaliencyTarget.Loss => new Matrix<double>(batch.Y.Rows, batch.Y.Cols),
            _ => throw new ArgumentException($"No input gradient for target {target}.", nameof(target)),
        };
        if (target == SaliencyTarget.Loss) new SoftmaxCrossEntropy().Evaluate(batch.Y, prediction.Output, g);
        var grad = ImplicitDifferentiation.Compute(model, batch.U, prediction.State, g, solver, withInputGradient: true).Input!;
        for (int i = 0; i < grad.Length; i++) grad.Data[i] = Math.Abs(grad.Data[i]);
        return grad;
    }

    private static Matrix<double> LabelRows(Matrix<double> s, int[] labels)
    {
        var scores = new Matrix<double>(s.Cols, labels.Length);
        for (int c = 0; c < labels.Length; c++)
            for (int j = 0; j < s.Cols; j++) scores[j, c] = s[labels[c], j];
        return scores;
    }
}
