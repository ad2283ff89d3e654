using System.Globalization;
using System.Numerics;
using Idl.Numerics.Activations;
using MN = MathNet.Numerics.LinearAlgebra;

namespace Idl.Numerics.WellPosedness;

/// <summary>
/// The state rescaling of §2.5: when φ is CONE and positively homogeneous and λ_PF(|A|) &lt; 1, the scaling
/// s = (I − |A|)⁻¹1, S = diag(s), gives a model (S⁻¹AS, S⁻¹B, CS, D) with the same prediction rule and ‖A′‖∞ &lt; 1.
/// </summary>
/// <remarks>
/// Since (I − |A|)⁻¹ = Σₖ |A|ᵏ ≥ I, s ≥ 1, and |A|s = s − 1, so row i of |A′| = S⁻¹|A|S sums to 1 − 1/sᵢ &lt; 1: the
/// Collatz–Wielandt scaling of eq. 2.7. The same equilibrium follows from positive homogeneity: x′ = S⁻¹x solves
/// x′ = φ(A′x′ + B′u) because S⁻¹φ(z) = φ(S⁻¹z) for a componentwise, positively homogeneous φ and s &gt; 0.
/// s is obtained by an LU solve (MathNet, in double; O(n³), off the hot path), not by the fixed-point iteration the
/// paper mentions, whose convergence slows as λ_PF(|A|) → 1.
/// </remarks>
public static class Rescaling
{
    /// <summary>s = (I − |A|)⁻¹1, after checking that φ is CONE and positively homogeneous.</summary>
    /// <exception cref="ArgumentException">φ is not CONE or not positively homogeneous, its size differs from A's, or λ_PF(|A|) &lt; 1 cannot be certified.</exception>
    public static double[] Compute<T>(Matrix<T> a, ActivationMap phi, PerronFrobeniusSolver? solver = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(phi);
        ArgumentNullException.ThrowIfNull(a);
        if (!phi.IsCone || !phi.IsPositivelyHomogeneous)
            throw new ArgumentException(
                $"Rescaling (§2.5) needs a CONE, positively homogeneous activation map, but {phi} is not " +
                $"(CONE: {phi.IsCone}, positively homogeneous: {phi.IsPositivelyHomogeneous}).", nameof(phi));
        if (a.Rows != phi.Size)
            throw new ArgumentException($"A is {a.Shape} but the activation map covers {phi.Size} rows.", nameof(phi));
        return Compute(a, solver);
    }

    /// <summary>s = (I − |A|)⁻¹1 (eq. 2.7's optimal scaling); the caller vouches that φ is CONE and positively homogeneous.</summary>
    /// <exception cref="ArgumentException">A is not square, or λ_PF(|A|) &lt; 1 cannot be certified.</exception>
    public static double[] Compute<T>(Matrix<T> a, PerronFrobeniusSolver? solver = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        Guard.Square(a, nameof(a));
        var abs = Norms.Abs(a);
        var pf = (solver ?? PerronFrobeniusSolver.Default).Solve(abs);
        if (!pf.IsCertifiedBelowOne)
            throw new ArgumentException(
                $"Rescaling (§2.5) needs λ_PF(|A|) < 1, but {pf}; the rescaled ‖A′‖∞ cannot be made < 1.", nameof(a));
        int n = a.Rows;
        var system = MN.Matrix<double>.Build.DenseIdentity(n) - abs.ToMathNet();
        var s = system.LU().Solve(MN.Vector<double>.Build.Dense(n, 1.0)).ToArray();
        // Exact arithmetic gives s ≥ 1 and (|A|s)ᵢ < sᵢ; near λ_PF = 1 rounding could break either, so check both.
        for (int i = 0; i < n; i++)
        {
            double row = 0;
            for (int j = 0; j < n; j++) row += abs[i, j] * s[j];
            if (!(s[i] >= 1 - 1e-12 && row < s[i] && double.IsFinite(s[i])))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Rescaling (§2.5) failed numerically at state {i}: s = {s[i]}, (|A|s) = {row}; λ_PF(|A|) is too close to 1 ({pf})."),
                    nameof(a));
        }
        return s;
    }

    /// <summary>Returns A′ = S⁻¹AS, B′ = S⁻¹B, C′ = CS for S = diag(<paramref name="s"/>); D needs no change.</summary>
    /// <exception cref="ArgumentException">Shapes disagree (A n×n, B n×p, C q×n, s of length n) or some sᵢ is not positive and finite.</exception>
    public static RescaledParameters<T> Apply<T>(Matrix<T> a, Matrix<T> b, Matrix<T> c, IReadOnlyList<double> s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(s);
        Guard.Square(a, nameof(a));
        int n = a.Rows;
        if (s.Count != n)
            throw new ArgumentException($"s has {s.Count} entries but A is {a.Shape}.", nameof(s));
        Guard.Rows(b, n, nameof(b));
        if (c.Cols != n)
            throw new ArgumentException($"C is {c.Shape} but must have {n} columns to match A ({a.Shape}).", nameof(c));
        for (int i = 0; i < n; i++)
            if (!(s[i] > 0 && double.IsFinite(s[i])))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"s[{i}] = {s[i]} must be positive and finite."), nameof(s));
        var a2 = new Matrix<T>(n, n);
        var b2 = new Matrix<T>(b.Rows, b.Cols);
        var c2 = new Matrix<T>(c.Rows, c.Cols);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) a2[i, j] = T.CreateTruncating(double.CreateTruncating(a[i, j]) * s[j] / s[i]);
            for (int j = 0; j < b.Cols; j++) b2[i, j] = T.CreateTruncating(double.CreateTruncating(b[i, j]) / s[i]);
        }
        for (int i = 0; i < c.Rows; i++)
            for (int j = 0; j < n; j++) c2[i, j] = T.CreateTruncating(double.CreateTruncating(c[i, j]) * s[j]);
        return new RescaledParameters<T>(a2, b2, c2);
    }
}
