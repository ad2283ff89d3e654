using Idl.Numerics;
using Idl.Numerics.Models;
using Idl.Numerics.StateMatrices;

namespace Idl.Client.Commands;

/// <summary>Which form <c>idl compress</c> stores a compressed A in.</summary>
internal static class StoredForm
{
    /// <summary>
    /// A pruned model with A as CSR when that takes fewer bytes in the file than the dense A (values plus I32 column
    /// indices plus I64 row offsets against n² values, at the file's <paramref name="precision"/>), else dense.
    /// </summary>
    public static StructuredModel<double> Pruned(ImplicitModel<double> pruned, Precision precision)
    {
        var csr = CsrMatrix<double>.FromDense(pruned.A);
        int scalar = precision.ElementBytes();
        long dense = (long)pruned.StateSize * pruned.StateSize * scalar;
        return SparseStateMatrix<double>.Bytes(csr.NonZeros, pruned.StateSize, scalar) < dense
            ? new StructuredModel<double>(new SparseStateMatrix<double>(csr), pruned.B, pruned.C, pruned.D, pruned.Activation, pruned.StateBias, pruned.OutputBias)
            : StructuredModel<double>.Dense(pruned);
    }
}
