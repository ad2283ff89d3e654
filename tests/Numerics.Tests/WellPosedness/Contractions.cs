using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.WellPosedness;

/// <summary>Seeded matrices with a chosen λ_PF(|A|) but a large ‖A‖∞, for the PF-versus-norm cases of §2.3–2.5.</summary>
internal static class Contractions
{
    /// <summary>
    /// A random A scaled to λ_PF(|A|) = <paramref name="rho"/> (by MathNet's eigenvalues, independent of the code under
    /// test), then similarity-transformed by diag(20, 1, …, 1): ρ(|A|) is unchanged but row 0 grows twentyfold.
    /// </summary>
    public static Matrix<double> Skewed(int n, int seed, double rho)
    {
        var a = Rand.Matrix<double>(n, n, seed);
        var abs = new Matrix<double>(n, n);
        for (int k = 0; k < a.Length; k++) abs.Data[k] = Math.Abs(a.Data[k]);
        double current = abs.ToMathNet().Evd().EigenValues.Max(c => c.Magnitude);
        for (int k = 0; k < a.Length; k++) a.Data[k] *= rho / current;
        for (int j = 1; j < n; j++)
        {
            a[0, j] *= 20;
            a[j, 0] /= 20;
        }
        return a;
    }
}
