namespace Idl.Numerics.StateMatrices;

/// <summary>
/// A is stored compressed (rank-k factors or CSR) with an n so large that n² entries exceed the largest array .NET
/// allows, and the caller needs A dense (analysis, attacks, training). Predictions still work in the stored form.
/// </summary>
public sealed class DenseStateUnavailableException(StateMatrixForm form, int n)
    : InvalidOperationException($"A is stored {(form == StateMatrixForm.LowRank ? "as rank-k factors" : "as CSR")} with n = {n}; this needs A dense, " +
        $"{(long)n * n:N0} entries, more than the largest array .NET allows ({Array.MaxLength:N0}). Predictions from this file " +
        "(idl predict, idl evaluate) solve in the stored form.")
{
    /// <summary>The stored form of A.</summary>
    public StateMatrixForm Form { get; } = form;

    /// <summary>The state size n.</summary>
    public int StateSize { get; } = n;
}
