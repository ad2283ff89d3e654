using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Solvers;
using Idl.Numerics.StateMatrices;

namespace Idl.Numerics.Models;

/// <summary>
/// An implicit model (eq. 1.1) whose state matrix A is kept in its stored form — dense, rank-k factors (§5.3) or
/// sparse rows (§5.4) — so that a compressed model predicts at the cost of its form. Everything else (B, C, D, φ,
/// biases) is as in <see cref="ImplicitModel{T}"/>; <see cref="ToImplicit"/> gives the dense model for the code
/// that needs A's entries (analysis, attacks, training).
/// </summary>
public sealed class StructuredModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private ImplicitModel<T>? _dense;

    /// <summary>Creates the model; shapes are checked against each other.</summary>
    /// <exception cref="ArgumentException">A shape disagrees; the message names both shapes.</exception>
    public StructuredModel(StateMatrix<T> a, Matrix<T> b, Matrix<T> c, Matrix<T> d, ActivationMap activation,
        T[]? stateBias = null, T[]? outputBias = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ImplicitModel<T>.CheckAround(a.Size, $"{a.Size}x{a.Size} ({a.Description})", b, c, d, activation, stateBias, outputBias);
        (A, B, C, D, Activation, StateBias, OutputBias) = (a, b, c, d, activation, stateBias, outputBias);
    }

    /// <summary>The dense <paramref name="model"/> seen as a structured one; it shares every matrix.</summary>
    public static StructuredModel<T> Dense(ImplicitModel<T> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new StructuredModel<T>(new DenseStateMatrix<T>(model.A), model.B, model.C, model.D, model.Activation, model.StateBias, model.OutputBias)
        {
            _dense = model,
        };
    }

    /// <summary>A in its stored form.</summary>
    public StateMatrix<T> A { get; }

    public Matrix<T> B { get; }
    public Matrix<T> C { get; }
    public Matrix<T> D { get; }

    /// <summary>φ.</summary>
    public ActivationMap Activation { get; }

    /// <summary>b (length n), or null.</summary>
    public T[]? StateBias { get; }

    /// <summary>c (length q), or null.</summary>
    public T[]? OutputBias { get; }

    /// <summary>n.</summary>
    public int StateSize => A.Size;

    /// <summary>p.</summary>
    public int InputSize => B.Cols;

    /// <summary>q.</summary>
    public int OutputSize => C.Rows;

    /// <summary>The model with A dense, built once (for the dense form, the model itself: its matrices are shared).</summary>
    /// <exception cref="DenseStateUnavailableException">n² exceeds the largest array (only a compressed A can be that large).</exception>
    public ImplicitModel<T> ToImplicit() => LazyInitializer.EnsureInitialized(ref _dense, () =>
        (long)StateSize * StateSize > Array.MaxLength ? throw new DenseStateUnavailableException(A.Form, StateSize)
            : new ImplicitModel<T>(A.ToDense(), B, C, D, Activation, StateBias, OutputBias));

    /// <summary>The same model in another precision, A in the same form.</summary>
    public StructuredModel<TOut> Convert<TOut>() where TOut : unmanaged, IFloatingPointIeee754<TOut> =>
        A.Form == StateMatrixForm.Dense
            ? StructuredModel<TOut>.Dense(ToImplicit().Convert<TOut>())
            : new(A.Convert<TOut>(), B.Convert<TOut>(), C.Convert<TOut>(), D.Convert<TOut>(), Activation,
                StateBias?.Select(TOut.CreateTruncating).ToArray(), OutputBias?.Select(TOut.CreateTruncating).ToArray());

    /// <summary>
    /// Solves X = φ(AX + BU + b) with A in its stored form and returns Ŷ = CX + DU + c with the solve's status, as
    /// <see cref="ImplicitModelExtensions.Predict{T}"/> does for a dense model: the iterative solvers run on
    /// <see cref="StructuredForwardMap{T}"/> (same iterates and stopping rule); a solver that needs A's entries
    /// (triangular back-substitution) gets the dense A, and so does a sparse A denser than
    /// <see cref="SparseStateMatrix{T}.DenseProductDensity"/>, whose dense product is faster.
    /// </summary>
    public Prediction<T> Predict(Matrix<T> u, IEquilibriumSolver solver, Matrix<T>? warmStart = null)
    {
        ArgumentNullException.ThrowIfNull(solver);
        if (A.Form == StateMatrixForm.Dense || A is SparseStateMatrix<T> { Density: > SparseStateMatrix<T>.DenseProductDensity }
            || solver is not IterativeSolver iterative)
            return ToImplicit().Predict(u, solver, warmStart);
        ArgumentNullException.ThrowIfNull(u);
        if (u.Rows != InputSize)
            throw new ArgumentException($"Input U is {u.Shape} but the model expects {InputSize} features per sample (rows; samples are columns).", nameof(u));
        var eq = iterative.Solve(new StructuredForwardMap<T>(A, Activation, ImplicitModel<T>.InputTerm(B, StateBias, u)), warmStart);
        return new Prediction<T>(ImplicitModel<T>.Output(C, D, OutputBias, eq.State, u), eq);
    }
}
