using System.Numerics;

namespace Idl.Numerics.Projections;

/// <summary>
/// Span kernels for the Euclidean projection of one vector a onto {p : ‖p‖₁ ≤ r} (the row subproblem of eq. 6.7).
/// The projection is the soft-threshold pᵢ = sign(aᵢ)·max(|aᵢ| − λ*, 0), where λ* ≥ 0 is the root of the
/// dual derivative g(λ) = −r + Σᵢ max(|aᵢ| − λ, 0) (§6.2). All arithmetic is in double, whatever T is.
/// </summary>
internal static class L1BallKernels
{
    /// <summary>‖a‖₁ in double.</summary>
    public static double AbsSum<T>(ReadOnlySpan<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T x in a) sum += Math.Abs(double.CreateTruncating(x));
        return sum;
    }

    /// <summary>
    /// λ* exactly, by sorting: with u = |a| sorted decreasingly, ρ = max{k : u_k &gt; (Σ_{j≤k} u_j − r)/k} and
    /// λ* = (Σ_{j≤ρ} u_j − r)/ρ. Requires ‖a‖₁ &gt; r ≥ 0; <paramref name="scratch"/> holds at least a.Length values.
    /// </summary>
    public static double ThresholdBySort<T>(ReadOnlySpan<T> a, double radius, Span<double> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = a.Length;
        var u = scratch[..n];
        for (int i = 0; i < n; i++) u[i] = Math.Abs(double.CreateTruncating(a[i]));
        u.Sort();
        if (n == 0) return 0.0;
        // k = 1 always belongs to the support when r > 0; taking it unconditionally also makes r = 0 give λ = max|aᵢ|.
        double cumulative = u[n - 1], lambda = cumulative - radius;
        // The test u_k > (S_k − r)/k holds for a prefix of k = 1..ρ and fails after, so the first failure ends the scan.
        for (int k = 2; k <= n; k++)
        {
            double uk = u[n - k];
            cumulative += uk;
            double candidate = (cumulative - radius) / k;
            if (uk > candidate) lambda = candidate;
            else break;
        }
        return Math.Max(lambda, 0.0);
    }

    /// <summary>
    /// λ* exactly by Michelot's method: every entry with |aᵢ| ≤ λ ≤ λ* lies outside the final support, so the
    /// candidates shrink and λ rises until the set no longer changes, at which point λ = λ*. Requires ‖a‖₁ &gt; r ≥ 0;
    /// <paramref name="scratch"/> holds at least a.Length values.
    /// </summary>
    public static double ThresholdByMichelot<T>(ReadOnlySpan<T> a, double radius, double l1, Span<double> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = a.Length;
        if (count == 0) return 0.0;
        var u = scratch[..count];
        for (int i = 0; i < count; i++) u[i] = Math.Abs(double.CreateTruncating(a[i]));
        double lambda = (l1 - radius) / count;
        while (true)
        {
            int kept = 0;
            double sum = 0;
            for (int i = 0; i < count; i++)
            {
                double v = u[i];
                if (v <= lambda) continue;
                u[kept++] = v;
                sum += v;
            }
            // kept = 0 happens only for r = 0 once every survivor equals λ = max|aᵢ|: everything thresholds to zero.
            if (kept == count || kept == 0) break;
            count = kept;
            lambda = (sum - radius) / count;
        }
        return Math.Max(lambda, 0.0);
    }

    /// <summary>
    /// λ by bisection on g (§6.2). The interval starts at [max(0, (‖a‖₁ − r)/n), min(max|aᵢ|, ½‖a‖₂²/r)]: the
    /// paper's upper end ½‖a‖₂²/r follows from p* ≥ 0; max|aᵢ| is valid because g(max|aᵢ|) = −r &lt; 0, and is
    /// usually tighter; the lower end follows from g(λ) ≥ ‖a‖₁ − nλ − r. Note that g decreases in λ, so g &gt; 0
    /// moves the lower end up (the paper's step 3 states the two updates the other way round). Returns the upper
    /// end, where g ≤ 0, so the soft-thresholded vector is always feasible.
    /// </summary>
    public static double ThresholdByBisection<T>(ReadOnlySpan<T> a, double radius, double l1, double tolerance,
        int maxIterations, out int iterations, out bool converged) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double maxAbs = 0, sumSquares = 0;
        foreach (T x in a)
        {
            double v = Math.Abs(double.CreateTruncating(x));
            maxAbs = Math.Max(maxAbs, v);
            sumSquares += v * v;
        }
        double lo = Math.Max(0.0, (l1 - radius) / a.Length);
        double hi = Math.Min(maxAbs, 0.5 * sumSquares / radius);
        double width = tolerance * maxAbs;
        iterations = 0;
        converged = true;
        while (hi - lo > width)
        {
            double mid = 0.5 * (lo + hi);
            // Below this the interval cannot shrink in double; it is as converged as it can be.
            if (mid <= lo || mid >= hi) break;
            if (iterations == maxIterations)
            {
                converged = false;
                break;
            }
            double g = -radius;
            foreach (T x in a) g += Math.Max(Math.Abs(double.CreateTruncating(x)) - mid, 0.0);
            if (g > 0) lo = mid;
            else hi = mid;
            iterations++;
        }
        return hi;
    }

    /// <summary>pᵢ = sign(aᵢ)·max(|aᵢ| − λ, 0); <paramref name="p"/> may be <paramref name="a"/>.</summary>
    public static void SoftThreshold<TSource, T>(ReadOnlySpan<TSource> a, double lambda, Span<T> p)
        where TSource : unmanaged, IFloatingPointIeee754<TSource>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < a.Length; i++)
        {
            double v = double.CreateTruncating(a[i]);
            double shrunk = Math.Max(Math.Abs(v) - lambda, 0.0);
            p[i] = T.CreateTruncating(v < 0 ? -shrunk : shrunk);
        }
    }

    /// <summary>
    /// Raises λ until ‖p‖₁ ≤ r as evaluated by <see cref="AbsSum{T}"/>, re-thresholding from <paramref name="a"/>.
    /// Rounding (of λ, of the subtraction, of the conversion to T) can leave ‖p‖₁ a few ulps above r; without this
    /// the output would not count as inside the ball and a second projection would move it again. Returns the λ used.
    /// <paramref name="a"/> must be the unprojected vector and must not overlap <paramref name="p"/>: every retry
    /// thresholds it afresh at a larger λ, so a row already overwritten by p would be thresholded twice (issue 8).
    /// </summary>
    public static double EnsureInside<TSource, T>(ReadOnlySpan<TSource> a, double radius, double lambda, Span<T> p)
        where TSource : unmanaged, IFloatingPointIeee754<TSource>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double step = 0;
        // The smallest useful step is one ulp of T at the output's scale (entries of p are at most r; for float rows a
        // double-sized step changes no stored value, and doubling up from 2⁻⁵² would take ~30 passes), and never less
        // than two ulps of λ in double, below which |aᵢ| − λ does not change. Scaling by λ instead of r would overshoot
        // by up to λ/r ulps: 1e-5 relative for a float row with λ ≈ 30 and r = 0.3.
        double ulp = double.CreateTruncating(T.BitIncrement(T.One) - T.One);
        for (int attempt = 0; attempt < 64; attempt++)
        {
            double l1 = AbsSum<T>(p);
            if (l1 <= radius) break;
            int support = 0;
            foreach (T x in p) support += T.IsZero(x) ? 0 : 1;
            // A Newton step on g removes the excess in exact arithmetic; doubling guarantees progress under rounding.
            double newton = (l1 - radius) / Math.Max(support, 1);
            step = Math.Max(Math.Max(newton, 2 * step), Math.Max(ulp * radius, 2 * (Math.BitIncrement(lambda) - lambda)));
            lambda += step;
            SoftThreshold(a, lambda, p);
        }
        return lambda;
    }
}
