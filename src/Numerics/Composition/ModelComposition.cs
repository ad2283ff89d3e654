using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Kernels;
using Idl.Numerics.Models;

namespace Idl.Numerics.Composition;

/// <summary>
/// Connections of implicit models (§2.4) that are again implicit models. Cascade, parallel and concatenation
/// give block-triangular A, so the composite is well-posed exactly when the parts are (Theorems 2.7–2.8);
/// feedback is not guaranteed to be well-posed even if both parts are.
/// </summary>
public static class ModelComposition
{
    /// <summary>
    /// Cascade ŷ = m₂(m₁(u)) (Figure 2): state (x₂, x₁), A = [A₂ B₂C₁; 0 A₁], B = [B₂D₁; B₁], C = [C₂ D₂C₁], D = D₂D₁.
    /// </summary>
    /// <exception cref="ArgumentException">m₁'s output size differs from m₂'s input size.</exception>
    public static ImplicitModel<T> Cascade<T>(ImplicitModel<T> first, ImplicitModel<T> second)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (first.OutputSize != second.InputSize)
            throw new ArgumentException(
                $"Cannot cascade: the first model outputs {first.OutputSize} values but the second expects {second.InputSize} inputs.", nameof(second));
        int n1 = first.StateSize, n2 = second.StateSize;
        var b2c1 = Gemm.Product(second.B, first.C);
        var a = BlockMatrix.Assemble(new Matrix<T>?[,] { { second.A, b2c1 }, { null, first.A } }, [n2, n1], [n2, n1]);
        var b = BlockMatrix.Assemble(new Matrix<T>?[,] { { Gemm.Product(second.B, first.D) }, { first.B } }, [n2, n1], [first.InputSize]);
        var c = BlockMatrix.Assemble(new Matrix<T>?[,] { { second.C, Gemm.Product(second.D, first.C) } }, [second.OutputSize], [n2, n1]);
        var d = Gemm.Product(second.D, first.D);
        // u₂ = ŷ₁ carries m₁'s output bias c₁ into m₂: it adds B₂c₁ to the state bias and D₂c₁ to the output bias.
        T[]? stateBias = null, outputBias = null;
        if (first.StateBias is not null || second.StateBias is not null || first.OutputBias is not null)
            stateBias = BlockMatrix.Stack((Add(second.StateBias, MatVec(second.B, first.OutputBias), n2), n2), (first.StateBias, n1));
        if (second.OutputBias is not null || first.OutputBias is not null)
            outputBias = Add(second.OutputBias, MatVec(second.D, first.OutputBias), second.OutputSize);
        return new ImplicitModel<T>(a, b, c, d, ActivationMap.Concat(second.Activation, first.Activation), stateBias, outputBias);
    }

    /// <summary>
    /// Parallel sum ŷ(u₁, u₂) = m₁(u₁) + m₂(u₂) with stacked input (u₁, u₂): A = diag(A₁, A₂), B = diag(B₁, B₂),
    /// C = [C₁ C₂], D = [D₁ D₂].
    /// </summary>
    public static ImplicitModel<T> ParallelSum<T>(ImplicitModel<T> first, ImplicitModel<T> second)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameOutputs(first, second);
        int n1 = first.StateSize, n2 = second.StateSize, p1 = first.InputSize, p2 = second.InputSize, q = first.OutputSize;
        return new ImplicitModel<T>(
            BlockDiagonal(first.A, second.A),
            BlockDiagonal(first.B, second.B),
            BlockMatrix.Assemble(new Matrix<T>?[,] { { first.C, second.C } }, [q], [n1, n2]),
            BlockMatrix.Assemble(new Matrix<T>?[,] { { first.D, second.D } }, [q], [p1, p2]),
            ActivationMap.Concat(first.Activation, second.Activation),
            StackBias(first.StateBias, n1, second.StateBias, n2),
            first.OutputBias is null && second.OutputBias is null ? null : Add(first.OutputBias, second.OutputBias, q));
    }

    /// <summary>Sum on a shared input ŷ(u) = m₁(u) + m₂(u): A = diag(A₁, A₂), B = [B₁; B₂], C = [C₁ C₂], D = D₁ + D₂.</summary>
    public static ImplicitModel<T> Sum<T>(ImplicitModel<T> first, ImplicitModel<T> second)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameOutputs(first, second);
        RequireSameInputs(first, second);
        int n1 = first.StateSize, n2 = second.StateSize, q = first.OutputSize;
        var d = first.D.Clone();
        for (int i = 0; i < d.Length; i++) d.Data[i] += second.D.Data[i];
        return new ImplicitModel<T>(
            BlockDiagonal(first.A, second.A),
            BlockMatrix.Assemble(new Matrix<T>?[,] { { first.B }, { second.B } }, [n1, n2], [first.InputSize]),
            BlockMatrix.Assemble(new Matrix<T>?[,] { { first.C, second.C } }, [q], [n1, n2]),
            d,
            ActivationMap.Concat(first.Activation, second.Activation),
            StackBias(first.StateBias, n1, second.StateBias, n2),
            first.OutputBias is null && second.OutputBias is null ? null : Add(first.OutputBias, second.OutputBias, q));
    }

    /// <summary>Concatenation ŷ(u) = (m₁(u), m₂(u)): A = diag(A₁, A₂), B = [B₁; B₂], C = diag(C₁, C₂), D = [D₁; D₂].</summary>
    public static ImplicitModel<T> Concatenate<T>(ImplicitModel<T> first, ImplicitModel<T> second)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameInputs(first, second);
        int n1 = first.StateSize, n2 = second.StateSize, q1 = first.OutputSize, q2 = second.OutputSize, p = first.InputSize;
        return new ImplicitModel<T>(
            BlockDiagonal(first.A, second.A),
            BlockMatrix.Assemble(new Matrix<T>?[,] { { first.B }, { second.B } }, [n1, n2], [p]),
            BlockDiagonal(first.C, second.C),
            BlockMatrix.Assemble(new Matrix<T>?[,] { { first.D }, { second.D } }, [q1, q2], [p]),
            ActivationMap.Concat(first.Activation, second.Activation),
            StackBias(first.StateBias, n1, second.StateBias, n2),
            StackBias(first.OutputBias, q1, second.OutputBias, q2));
    }

    internal static Matrix<T> BlockDiagonal<T>(Matrix<T> a, Matrix<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        BlockMatrix.Assemble(new Matrix<T>?[,] { { a, null }, { null, b } }, [a.Rows, b.Rows], [a.Cols, b.Cols]);

    internal static T[]? StackBias<T>(T[]? a, int na, T[]? b, int nb) where T : unmanaged, IFloatingPointIeee754<T> =>
        a is null && b is null ? null : BlockMatrix.Stack((a, na), (b, nb));

    internal static T[]? MatVec<T>(Matrix<T> m, T[]? v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (v is null) return null;
        var r = new T[m.Rows];
        for (int i = 0; i < m.Rows; i++)
        {
            var row = m.Row(i);
            for (int j = 0; j < row.Length; j++) r[i] += row[j] * v[j];
        }
        return r;
    }

    internal static T[] Add<T>(T[]? a, T[]? b, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new T[length];
        for (int i = 0; i < length; i++) r[i] = (a is null ? T.Zero : a[i]) + (b is null ? T.Zero : b[i]);
        return r;
    }

    private static void RequireSameOutputs<T>(ImplicitModel<T> a, ImplicitModel<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.OutputSize != b.OutputSize)
            throw new ArgumentException($"Outputs differ: {a.OutputSize} and {b.OutputSize}; a sum needs equal output sizes.", nameof(b));
    }

    private static void RequireSameInputs<T>(ImplicitModel<T> a, ImplicitModel<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.InputSize != b.InputSize)
            throw new ArgumentException($"Inputs differ: {a.InputSize} and {b.InputSize}; a shared input needs equal input sizes.", nameof(b));
    }
}
