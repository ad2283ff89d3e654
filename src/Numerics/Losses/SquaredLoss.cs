using System.Numerics;

namespace Idl.Numerics.Losses;

/// <summary>L(Y, Ŷ) = ½‖Y − Ŷ‖²_F (§6.1), gradient Ŷ − Y; divided by m under <see cref="Reduction.Mean"/>.</summary>
public sealed class SquaredLoss(Reduction reduction = Reduction.Sum) : ILoss
{
    /// <summary>The reduction over samples.</summary>
    public Reduction Reduction { get; } = reduction;

    public string Name => "squared";

    /// <inheritdoc />
    public double Evaluate<T>(Matrix<T> target, Matrix<T> prediction, Matrix<T>? gradient = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Guard.SameShape(target, prediction, nameof(prediction));
        if (gradient is not null) Guard.SameShape(target, gradient, nameof(gradient));
        double scale = Reduction == Reduction.Mean && target.Cols > 0 ? 1.0 / target.Cols : 1.0;
        T s = T.CreateTruncating(scale);
        double loss = 0;
        for (int i = 0; i < target.Length; i++)
        {
            T r = prediction.Data[i] - target.Data[i];
            double rd = double.CreateTruncating(r);
            loss += rd * rd;
            if (gradient is not null) gradient.Data[i] = s * r;
        }
        return 0.5 * scale * loss;
    }
}
