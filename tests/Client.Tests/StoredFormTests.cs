using Idl.Client.Commands;
using Idl.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.Models;
using Idl.Numerics.StateMatrices;

namespace Idl.Client.Tests;

public sealed class StoredFormTests
{
    // n = 10: dense float32 A takes 400 bytes, float64 800; CSR takes nnz·(4 + 4) or nnz·(8 + 4), plus 11·8 offsets.
    [Theory]
    [InlineData(38, Precision.Float32, StateMatrixForm.Sparse)]
    [InlineData(39, Precision.Float32, StateMatrixForm.Dense)]
    [InlineData(59, Precision.Float64, StateMatrixForm.Sparse)]
    [InlineData(60, Precision.Float64, StateMatrixForm.Dense)]
    public void Pruned_CsrSmallerThanDenseOnlyBelowTheBreakEven_ChoosesTheSmallerForm(int nonZeros, Precision precision, StateMatrixForm expected)
    {
        var a = new Matrix<double>(10, 10);
        for (int e = 0; e < nonZeros; e++) a.Data[e * 100 / nonZeros] = 0.01 * (e + 1);
        var model = new ImplicitModel<double>(a, new Matrix<double>(10, 2), new Matrix<double>(3, 10), new Matrix<double>(3, 2),
            ActivationMap.Uniform(Relu.Instance, 10));
        Assert.Equal(expected, StoredForm.Pruned(model, precision).A.Form);
    }
}
