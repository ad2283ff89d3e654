using System.Globalization;
using System.Numerics;
using Idl.Numerics.Activations;

namespace Idl.Numerics.WellPosedness;

/// <summary>
/// Encloses the Perron–Frobenius eigenvalue λ_PF(M) = ρ(M) of a non-negative square matrix (Theorem 2.2, eq. 2.5) in
/// a certified interval. An immutable configured value.
/// </summary>
/// <remarks>
/// <para><b>Bounds.</b> For every M ≥ 0 and every x &gt; 0, minᵢ (Mx)ᵢ/xᵢ ≤ ρ(M) ≤ maxᵢ (Mx)ᵢ/xᵢ (Collatz–Wielandt; the upper
/// bound is ‖X⁻¹MX‖∞ ≥ ρ, the scaled norm of eq. 2.7). Both hold for reducible M too, so any strictly positive x
/// gives a valid interval; iteration only narrows it.</para>
/// <para><b>Reducible M.</b> The lower bound need not converge on a reducible M (a row that only reaches a weaker part
/// keeps its ratio low). So M is split into its strongly connected components, ρ(M) = max over components of ρ(M_CC)
/// (the Frobenius normal form is block triangular), and the intervals are combined by taking the maximum of each end.
/// A 1×1 component has ρ = mᵢᵢ exactly; components whose row-sum bound cannot beat the best lower bound are skipped.</para>
/// <para><b>Iteration.</b> On an irreducible component, x ← (M + cI)x with c the current upper bound: M + cI is
/// primitive (irreducible with a positive diagonal), so the iteration converges even when M is periodic (e.g.
/// [[0, 1], [1, 0]]), and x stays strictly positive. Ratios are computed in double and widened by 2(k + 2) units of
/// round-off, which bounds the rounding of a k-term non-negative sum and one division, so the enclosure survives
/// floating point. Stops when upper − lower ≤ <see cref="Tolerance"/> (or that rounding floor).</para>
/// </remarks>
public sealed partial class PerronFrobeniusSolver
{
    private const double Unit = 1.0 / (1L << 53);

    /// <summary>Creates a solver.</summary>
    /// <param name="tolerance">Absolute width upper − lower to stop at; positive and finite, default 1e-10.</param>
    /// <param name="maxIterations">Power iterations per irreducible component; at least 1, default 5000.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside the range stated above.</exception>
    public PerronFrobeniusSolver(double tolerance = 1e-10, int maxIterations = 5000)
    {
        if (!(tolerance > 0 && double.IsFinite(tolerance)))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be positive and finite.");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        Tolerance = tolerance;
        MaxIterations = maxIterations;
    }

    /// <summary>The solver with default options.</summary>
    public static PerronFrobeniusSolver Default { get; } = new();

    /// <summary>The absolute interval width at which to stop.</summary>
    public double Tolerance { get; }

    /// <summary>The iteration limit per irreducible component.</summary>
    public int MaxIterations { get; }

    /// <summary>Encloses λ_PF(M) for a non-negative square M.</summary>
    /// <exception cref="ArgumentException">M is not square, or has a negative, NaN or infinite entry.</exception>
    public PerronFrobeniusResult Solve<T>(Matrix<T> m) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(m);
        Guard.Square(m, nameof(m));
        var data = new double[m.Length];
        for (int k = 0; k < data.Length; k++)
        {
            double v = double.CreateTruncating(m.Data[k]);
            if (!(v >= 0 && double.IsFinite(v)))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"M ({m.Shape}) must be non-negative and finite, but holds {v} at ({k / m.Cols}, {k % m.Cols})."), nameof(m));
            data[k] = v;
        }
        return SolveNonNegative(data, m.Rows);
    }

    /// <summary>Encloses λ_PF(|A|), the CONE form of condition 2.5.</summary>
    public PerronFrobeniusResult SolveAbs<T>(Matrix<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        Solve(Norms.Abs(a));

    /// <summary>Encloses λ_PF(N(A, γ)) (eq. 2.4–2.5) for <paramref name="a"/> under <paramref name="phi"/>.</summary>
    public PerronFrobeniusResult SolveInducedNorms<T>(Matrix<T> a, ActivationMap phi) where T : unmanaged, IFloatingPointIeee754<T> =>
        Solve(InducedNormMatrix.Build(a, phi));

    private PerronFrobeniusResult SolveNonNegative(double[] m, int n)
    {
        var components = StronglyConnectedComponents.Find(m, n);
        var bounds = components.Select(c => InitialBounds(m, n, c)).ToArray();
        double lower = bounds.Length == 0 ? 0 : bounds.Max(b => b.Lower);
        double upper = lower;
        int iterations = 0;
        bool converged = true;
        // Largest row-sum bound first, so the best lower bound rises early and more components can be skipped.
        foreach (int k in Enumerable.Range(0, components.Count).OrderByDescending(k => bounds[k].Upper))
        {
            var (lo, hi) = bounds[k];
            if (components[k].Length > 1 && hi > lower && hi - lo > Tolerance)
            {
                var r = PowerIteration(Extract(m, n, components[k]), components[k].Length, lo, hi);
                (lo, hi) = (r.Lower, r.Upper);
                iterations += r.Iterations;
                converged &= r.Converged;
            }
            lower = Math.Max(lower, lo);
            upper = Math.Max(upper, hi);
        }
        var status = converged || upper - lower <= Tolerance ? PerronFrobeniusStatus.Converged : PerronFrobeniusStatus.MaxIterations;
        return new PerronFrobeniusResult(lower, upper, iterations, status);
    }
}
