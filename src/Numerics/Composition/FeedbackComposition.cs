using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Kernels;
using Idl.Numerics.Models;

namespace Idl.Numerics.Composition;

/// <summary>The feedback connection of §2.4: u₁ = u + y₂, u₂ = y₁, output y = y₁.</summary>
public static class FeedbackComposition
{
    /// <summary>
    /// Builds the closed loop as one implicit model with state (x₁, x₂). The paper states the case D₁ = D₂ = 0:
    /// A = [A₁ B₁C₂; B₂C₁ A₂], B = [B₁; 0], C = [C₁ 0], D = 0. With D₂ = 0 and any D₁ the loop is still explicit:
    /// A = [A₁ B₁C₂; B₂C₁ A₂ + B₂D₁C₂], B = [B₁; B₂D₁], C = [C₁ D₁C₂], D = D₁.
    /// </summary>
    /// <remarks>The result need not be well-posed even when both parts are; check it before solving.</remarks>
    /// <exception cref="ArgumentException">Sizes do not close the loop, or D₂ ≠ 0 (an algebraic loop through both D terms).</exception>
    public static ImplicitModel<T> Feedback<T>(ImplicitModel<T> forward, ImplicitModel<T> back)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (back.InputSize != forward.OutputSize || back.OutputSize != forward.InputSize)
            throw new ArgumentException(
                $"Feedback needs the second model to map the first's {forward.OutputSize} outputs back to its {forward.InputSize} inputs; it maps {back.InputSize} to {back.OutputSize}.",
                nameof(back));
        if (back.D.Data.Any(v => v != T.Zero))
            throw new ArgumentException(
                "Feedback requires D = 0 in the second model: with both D terms non-zero the loop y₁ = ... + D₁D₂y₁ is algebraic, not implicit.",
                nameof(back));
        int n1 = forward.StateSize, n2 = back.StateSize, p = forward.InputSize, q = forward.OutputSize;
        var d1c2 = Gemm.Product(forward.D, back.C);
        var b2d1 = Gemm.Product(back.B, forward.D);
        var a22 = Gemm.Product(b2d1, back.C);
        for (int i = 0; i < a22.Length; i++) a22.Data[i] += back.A.Data[i];
        var a = BlockMatrix.Assemble(new Matrix<T>?[,] { { forward.A, Gemm.Product(forward.B, back.C) }, { Gemm.Product(back.B, forward.C), a22 } }, [n1, n2], [n1, n2]);
        var b = BlockMatrix.Assemble(new Matrix<T>?[,] { { forward.B }, { b2d1 } }, [n1, n2], [p]);
        var c = BlockMatrix.Assemble(new Matrix<T>?[,] { { forward.C, d1c2 } }, [q], [n1, n2]);

        // Biases: y₂ carries c₂ into u₁, so m₁ sees b₁ + B₁c₂ and outputs c₁ + D₁c₂; y₁ carries that into m₂.
        T[]? outputBias = forward.OutputBias is null && back.OutputBias is null ? null
            : ModelComposition.Add(forward.OutputBias, ModelComposition.MatVec(forward.D, back.OutputBias), q);
        T[]? stateBias = forward.StateBias is null && back.StateBias is null && back.OutputBias is null && outputBias is null ? null
            : BlockMatrix.Stack(
                (ModelComposition.Add(forward.StateBias, ModelComposition.MatVec(forward.B, back.OutputBias), n1), n1),
                (ModelComposition.Add(back.StateBias, ModelComposition.MatVec(back.B, outputBias), n2), n2));
        return new ImplicitModel<T>(a, b, c, forward.D.Clone(), ActivationMap.Concat(forward.Activation, back.Activation), stateBias, outputBias);
    }
}
