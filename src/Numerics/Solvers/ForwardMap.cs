using System.Numerics;
using Idl.Numerics.Activations;

namespace Idl.Numerics.Solvers;

/// <summary>The equilibrium map g(X) = φ(AX + BU) of eq. 2.6, with BU (plus bias) precomputed.</summary>
public sealed class ForwardMap<T> : IFixedPointMap<T>, IColumnRestrictable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the map; shapes are checked.</summary>
    public ForwardMap(Matrix<T> a, ActivationMap phi, Matrix<T> inputTerm)
    {
        Guard.Square(a, nameof(a));
        if (phi.Size != a.Rows)
            throw new ArgumentException($"The activation map covers {phi.Size} rows but A is {a.Shape}.", nameof(phi));
        Guard.Rows(inputTerm, a.Rows, nameof(inputTerm));
        (A, Phi, InputTerm) = (a, phi, inputTerm);
        ContractionFactor = ComputeContraction(a, phi);
    }

    // A narrowed copy shares A and its certificate: κ depends on A and φ only, not on the columns.
    private ForwardMap(ForwardMap<T> full, Matrix<T> inputTerm) =>
        (A, Phi, InputTerm, ContractionFactor) = (full.A, full.Phi, inputTerm, full.ContractionFactor);

    public Matrix<T> A { get; }
    public ActivationMap Phi { get; }
    public Matrix<T> InputTerm { get; }
    public int Rows => A.Rows;
    public int Cols => InputTerm.Cols;
    public double ContractionFactor { get; }

    /// <inheritdoc />
    public void Apply(Matrix<T> x, Matrix<T> result) => Phi.ForwardStep(A, x, InputTerm, result);

    IFixedPointMap<T> IColumnRestrictable<T>.Restrict(int[] columns, int count) =>
        new ForwardMap<T>(this, ColumnSubset.Gather(InputTerm, columns, count));

    /// <inheritdoc />
    public bool TryApplyAtZero(Matrix<T> result)
    {
        Phi.Forward(InputTerm, result);
        return true;
    }

    // For a componentwise map with constants γᵢ, |φ(u) − φ(v)| ≤ γ|u − v| entrywise, so row i of g contracts by
    // γᵢ Σⱼ|Aᵢⱼ| in the max-norm (Theorem 2.2's argument with N(A, γ) = γ|A|). Blockwise maps get no certificate.
    private static double ComputeContraction(Matrix<T> a, ActivationMap phi)
    {
        if (!phi.IsComponentwise) return double.NaN;
        double kappa = 0;
        foreach (var s in phi.Segments)
            for (int i = s.Offset; i < s.Offset + s.Length; i++)
                kappa = Math.Max(kappa, s.Activation.Lipschitz * Norms.RowAbsSum(a.Row(i)));
        return kappa < 1 ? kappa : double.NaN;
    }
}
