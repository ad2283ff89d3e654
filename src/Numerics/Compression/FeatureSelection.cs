using System.Numerics;
using Idl.Numerics.Models;

namespace Idl.Numerics.Compression;

/// <summary>
/// Feature selection (§5.1): an input j whose column of (B; D) is zero plays no part in the prediction rule, so it
/// can be dropped from the data. The column-norm penalty of eq. 5.1 drives such columns to zero during training.
/// </summary>
public static class FeatureSelection
{
    /// <summary>‖(B; D)eⱼ‖₂ for every input j.</summary>
    public static double[] ColumnNorms<T>(ImplicitModel<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        var norms = new double[model.InputSize];
        for (int j = 0; j < norms.Length; j++)
        {
            double s = 0;
            for (int i = 0; i < model.StateSize; i++) s += Math.Pow(double.CreateTruncating(model.B[i, j]), 2);
            for (int i = 0; i < model.OutputSize; i++) s += Math.Pow(double.CreateTruncating(model.D[i, j]), 2);
            norms[j] = Math.Sqrt(s);
        }
        return norms;
    }

    /// <summary>The inputs whose column of (B; D) has norm at most <paramref name="tolerance"/> (exactly zero by default).</summary>
    public static int[] UnusedInputs<T>(ImplicitModel<T> model, double tolerance = 0) where T : unmanaged, IFloatingPointIeee754<T> =>
        ColumnNorms(model).Select((v, j) => (v, j)).Where(t => t.v <= tolerance).Select(t => t.j).ToArray();
}
