using System.Numerics;
using Idl.Numerics.Activations;
using Idl.Numerics.StateMatrices;

namespace Idl.Numerics.Solvers;

/// <summary>
/// The equilibrium map g(X) = φ(AX + BU) of eq. 2.6 with A in a stored form (<see cref="StateMatrix{T}"/>): the same
/// map as <see cref="ForwardMap{T}"/>, so every solver's iterates, stopping rule and status are those of the dense
/// solve, but each product costs what the form costs (O(kn) or O(nnz) per sample instead of O(n²)).
/// </summary>
public sealed class StructuredForwardMap<T> : IFixedPointMap<T>, IColumnRestrictable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    // Held per map and reused by every Apply: the iteration allocates nothing after construction.
    private readonly Matrix<T>? _scratch;

    /// <summary>Creates the map; shapes are checked.</summary>
    /// <exception cref="ArgumentException">φ or the input term does not have A's n rows.</exception>
    public StructuredForwardMap(StateMatrix<T> a, ActivationMap phi, Matrix<T> inputTerm)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(phi);
        ArgumentNullException.ThrowIfNull(inputTerm);
        if (phi.Size != a.Size)
            throw new ArgumentException($"The activation map covers {phi.Size} rows but A is {a.Size}x{a.Size} ({a.Description}).", nameof(phi));
        Guard.Rows(inputTerm, a.Size, nameof(inputTerm));
        (A, Phi, InputTerm) = (a, phi, inputTerm);
        ContractionFactor = ComputeContraction(a, phi);
        _scratch = a.ScratchRows > 0 ? new Matrix<T>(a.ScratchRows, inputTerm.Cols) : null;
    }

    private StructuredForwardMap(StructuredForwardMap<T> full, Matrix<T> inputTerm)
    {
        (A, Phi, InputTerm, ContractionFactor) = (full.A, full.Phi, inputTerm, full.ContractionFactor);
        _scratch = A.ScratchRows > 0 ? new Matrix<T>(A.ScratchRows, inputTerm.Cols) : null;
    }

    /// <summary>A.</summary>
    public StateMatrix<T> A { get; }

    /// <summary>φ.</summary>
    public ActivationMap Phi { get; }

    /// <summary>BU + b, n×m.</summary>
    public Matrix<T> InputTerm { get; }

    /// <inheritdoc />
    public int Rows => A.Size;

    /// <inheritdoc />
    public int Cols => InputTerm.Cols;

    /// <inheritdoc />
    public double ContractionFactor { get; }

    /// <inheritdoc />
    public void Apply(Matrix<T> x, Matrix<T> result)
    {
        A.Multiply(x, InputTerm, result, _scratch);
        Phi.Forward(result, result);
    }

    /// <inheritdoc />
    public bool TryApplyAtZero(Matrix<T> result)
    {
        Phi.Forward(InputTerm, result);
        return true;
    }

    IFixedPointMap<T> IColumnRestrictable<T>.Restrict(int[] columns, int count) =>
        new StructuredForwardMap<T>(this, ColumnSubset.Gather(InputTerm, columns, count));

    // The certificate of ForwardMap: row i of g contracts by γᵢΣⱼ|Aᵢⱼ| in the max-norm (componentwise φ only).
    private static double ComputeContraction(StateMatrix<T> a, ActivationMap phi)
    {
        if (!phi.IsComponentwise) return double.NaN;
        var sums = a.RowAbsSums();
        double kappa = 0;
        foreach (var s in phi.Segments)
            for (int i = s.Offset; i < s.Offset + s.Length; i++)
                kappa = Math.Max(kappa, s.Activation.Lipschitz * sums[i]);
        return kappa < 1 ? kappa : double.NaN;
    }
}
