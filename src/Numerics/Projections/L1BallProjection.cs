using System.Globalization;
using System.Numerics;

namespace Idl.Numerics.Projections;

/// <summary>
/// The projection step of projected gradient training (eq. 6.7): A ← argmin ‖A − A⁰‖_F s.t. ‖A‖∞ ≤ κ, which
/// splits into one Euclidean projection of each row onto the ℓ1 ball {a : ‖a‖₁ ≤ κ}. An immutable configured value.
/// </summary>
/// <remarks>
/// Rows already inside the ball (‖a‖₁ ≤ κ, evaluated in double) are left bit-identical, so the map is the identity on
/// the feasible set and projecting twice changes nothing. Each projected row is the soft-threshold of the input at its
/// λ (see <see cref="L1ProjectionMethod"/>); it is feasible up to the rounding of one conversion to T per entry.
/// </remarks>
public sealed class L1BallProjection
{
    /// <summary>Creates a projection.</summary>
    /// <param name="method">How λ is found; default <see cref="L1ProjectionMethod.Sort"/> (exact).</param>
    /// <param name="tolerance">
    /// Bisection only: stop when the λ-interval is at most tolerance·max|aᵢ| wide; must be positive and finite.
    /// Default 1e-12, which makes bisection agree with the exact method to about 1e-12 relative.
    /// </param>
    /// <param name="maxIterations">Bisection only: at most this many halvings per row; at least 1, default 200.</param>
    /// <param name="threads">Rows are split over this many worker threads; at least 1, default 1 (the caller's thread).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside the range stated above.</exception>
    public L1BallProjection(L1ProjectionMethod method = L1ProjectionMethod.Michelot, double tolerance = 1e-12,
        int maxIterations = 200, int threads = 1)
    {
        if (!Enum.IsDefined(method))
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown projection method.");
        if (!(tolerance > 0 && double.IsFinite(tolerance)))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The bisection tolerance must be positive and finite.");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Method = method;
        Tolerance = tolerance;
        MaxIterations = maxIterations;
        Threads = threads;
    }

    /// <summary>The exact projection (Michelot's method) on one thread.</summary>
    public static L1BallProjection Exact { get; } = new();

    /// <summary>The exact projection with its rows split over <paramref name="threads"/> threads (same result to the bit).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1.</exception>
    public static L1BallProjection WithThreads(int threads) => threads == 1 ? Exact : new(threads: threads);

    /// <summary>The paper's bisection (§6.2) with the default tolerance, on one thread.</summary>
    public static L1BallProjection Bisection { get; } = new(L1ProjectionMethod.Bisection);

    /// <summary>How λ is found.</summary>
    public L1ProjectionMethod Method { get; }

    /// <summary>Relative width of the final λ-interval for <see cref="L1ProjectionMethod.Bisection"/>.</summary>
    public double Tolerance { get; }

    /// <summary>The bisection iteration limit per row.</summary>
    public int MaxIterations { get; }

    /// <summary>The number of worker threads over rows.</summary>
    public int Threads { get; }

    /// <summary>Projects every row of <paramref name="a"/> in place so that ‖A‖∞ ≤ κ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">κ is not positive (or is NaN).</exception>
    /// <exception cref="ArgumentException">A holds a NaN or infinite entry.</exception>
    public ProjectionResult ProjectInPlace<T>(Matrix<T> a, double kappa) where T : unmanaged, IFloatingPointIeee754<T> =>
        Project(a, kappa, a);

    /// <summary>Returns a new matrix whose rows are those of <paramref name="a"/> projected onto the κ-ball of ℓ1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">κ is not positive (or is NaN).</exception>
    /// <exception cref="ArgumentException">A holds a NaN or infinite entry.</exception>
    public Matrix<T> Project<T>(Matrix<T> a, double kappa, out ProjectionResult result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        var destination = new Matrix<T>(a.Rows, a.Cols);
        result = Project(a, kappa, destination);
        return destination;
    }

    /// <summary>
    /// Writes the row-wise projection of <paramref name="source"/> into <paramref name="destination"/> (same shape;
    /// it may be <paramref name="source"/> itself, since each row is read fully before it is written).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">κ is not positive (or is NaN).</exception>
    /// <exception cref="ArgumentException">The shapes differ, or the source holds a NaN or infinite entry.</exception>
    public ProjectionResult Project<T>(Matrix<T> source, double kappa, Matrix<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ValidateKappa(kappa);
        Guard.SameShape(source, destination, nameof(destination));
        ValidateFinite(source, nameof(source));
        // Each worker's scratch holds the threshold search's |a| (first half) and, for rows projected in place, an exact
        // double copy of the row (second half) that the final soft-threshold and its feasibility retries read.
        return RowPartition.Run(source.Rows, Threads, 2 * source.Cols, (start, end, scratch) =>
        {
            var result = ProjectionResult.Empty;
            for (int i = start; i < end; i++)
                result = result.Merge(ProjectRow<T>(source.Row(i), kappa, destination.Row(i), scratch));
            return result;
        });
    }

    /// <summary>
    /// Projects one vector onto {p : ‖p‖₁ ≤ radius}; <paramref name="p"/> may alias <paramref name="a"/>.
    /// <paramref name="scratch"/> holds at least 2·a.Length values.
    /// </summary>
    internal ProjectionResult ProjectRow<T>(ReadOnlySpan<T> a, double radius, Span<T> p, Span<double> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double l1 = L1BallKernels.AbsSum(a);
        if (l1 <= radius)
        {
            a.CopyTo(p);
            return ProjectionResult.Empty;
        }
        int iterations = 0;
        bool converged = true;
        double lambda = Method switch
        {
            L1ProjectionMethod.Sort => L1BallKernels.ThresholdBySort(a, radius, scratch),
            L1ProjectionMethod.Michelot => L1BallKernels.ThresholdByMichelot(a, radius, l1, scratch),
            _ => L1BallKernels.ThresholdByBisection(a, radius, l1, Tolerance, MaxIterations, out iterations, out converged),
        };
        if (a.Overlaps(p))
        {
            // Widening to double is exact for float and double, so the in-place result is bit-identical to the
            // out-of-place one, and the feasibility retries threshold the original row rather than the written one.
            var original = scratch.Slice(a.Length, a.Length);
            for (int i = 0; i < a.Length; i++) original[i] = double.CreateTruncating(a[i]);
            L1BallKernels.SoftThreshold<double, T>(original, lambda, p);
            lambda = L1BallKernels.EnsureInside<double, T>(original, radius, lambda, p);
        }
        else
        {
            L1BallKernels.SoftThreshold(a, lambda, p);
            lambda = L1BallKernels.EnsureInside(a, radius, lambda, p);
        }
        return new ProjectionResult(1, lambda, iterations, converged);
    }

    /// <summary>Throws unless 0 &lt; κ (κ = +∞ is allowed and projects nothing).</summary>
    internal static void ValidateKappa(double kappa)
    {
        if (!(kappa > 0))
            throw new ArgumentOutOfRangeException(nameof(kappa), kappa,
                string.Create(CultureInfo.InvariantCulture, $"The ball radius kappa must be positive, but is {kappa}."));
    }

    /// <summary>Throws naming the first NaN or infinite entry: the projection of such a row is undefined.</summary>
    internal static void ValidateFinite<T>(Matrix<T> m, string name) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = m.Data;
        for (int k = 0; k < data.Length; k++)
        {
            if (T.IsFinite(data[k])) continue;
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name} ({m.Shape}) holds {data[k]} at ({k / m.Cols}, {k % m.Cols}); the projection needs finite entries."), name);
        }
    }
}
