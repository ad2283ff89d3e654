using System.Numerics;

namespace Idl.Numerics.Losses;

/// <summary>
/// Softmax cross-entropy (eq. 6.2): L(Y, Ŷ) = Σⱼ log Σᵢ exp Ŷᵢⱼ − Tr YᵀŶ for columns yⱼ ≥ 0 with yⱼᵀ1 = 1
/// (one-hot labels or distributions); gradient softmax(Ŷ) − Y, column by column.
/// </summary>
public sealed class SoftmaxCrossEntropy(Reduction reduction = Reduction.Sum) : ILoss
{
    /// <summary>The reduction over samples.</summary>
    public Reduction Reduction { get; } = reduction;

    public string Name => "cross_entropy";

    /// <inheritdoc />
    public double Evaluate<T>(Matrix<T> target, Matrix<T> prediction, Matrix<T>? gradient = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.SameShape(target, prediction, nameof(prediction));
        if (gradient is not null) Guard.SameShape(target, gradient, nameof(gradient));
        int q = target.Rows, m = target.Cols;
        double scale = Reduction == Reduction.Mean && m > 0 ? 1.0 / m : 1.0;
        double loss = 0;
        for (int j = 0; j < m; j++)
        {
            // Log-sum-exp shifted by the column maximum: exact and overflow-free for any finite scores.
            double max = double.NegativeInfinity;
            for (int i = 0; i < q; i++) max = Math.Max(max, double.CreateTruncating(prediction[i, j]));
            double sum = 0;
            for (int i = 0; i < q; i++) sum += Math.Exp(double.CreateTruncating(prediction[i, j]) - max);
            double lse = max + Math.Log(sum);
            double ySum = 0;
            for (int i = 0; i < q; i++)
            {
                double y = double.CreateTruncating(target[i, j]);
                ySum += y;
                loss -= y * double.CreateTruncating(prediction[i, j]);
            }
            // Σᵢ yᵢ = 1 for a distribution; weighting lse by it keeps loss and gradient exact for unnormalised targets.
            loss += ySum * lse;
            if (gradient is null) continue;
            for (int i = 0; i < q; i++)
                gradient[i, j] = T.CreateTruncating(scale * (ySum * Math.Exp(double.CreateTruncating(prediction[i, j]) - lse)
                    - double.CreateTruncating(target[i, j])));
        }
        return scale * loss;
    }
}
