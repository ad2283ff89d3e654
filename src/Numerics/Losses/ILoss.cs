using System.Numerics;

namespace Idl.Numerics.Losses;

/// <summary>How per-sample losses combine: the paper's sum (eq. 6.2) or the mean over the batch.</summary>
public enum Reduction
{
    /// <summary>Σ over samples, as written in §6.1.</summary>
    Sum,

    /// <summary>(1/m) Σ over samples, as mini-batch trainers usually use.</summary>
    Mean,
}

/// <summary>A loss L(Y, Ŷ) on q×m targets and predictions (§6.1), convex in Ŷ, with its gradient ∂L/∂Ŷ.</summary>
public interface ILoss
{
    /// <summary>A short name (<c>squared</c>, <c>cross_entropy</c>).</summary>
    string Name { get; }

    /// <summary>Returns L(Y, Ŷ) in double; writes ∂L/∂Ŷ into <paramref name="gradient"/> when given.</summary>
    double Evaluate<T>(Matrix<T> target, Matrix<T> prediction, Matrix<T>? gradient = null)
        where T : unmanaged, IFloatingPointIeee754<T>;
}
