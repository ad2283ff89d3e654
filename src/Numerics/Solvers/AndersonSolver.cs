using System.Globalization;
using System.Numerics;

namespace Idl.Numerics.Solvers;

/// <summary>
/// Anderson acceleration (type II) of the fixed-point map, column by column: each sample keeps its own mixing
/// weights α (Σα = 1) minimising ‖Σᵢ αᵢ Fᵢ‖₂ over the last <see cref="Memory"/> residuals Fᵢ = g(Xᵢ) − Xᵢ, and
/// the next iterate is Σᵢ αᵢ g(Xᵢ). The returned state is the last g(X_k), so the contraction bound of
/// <see cref="PicardSolver"/> holds for it unchanged.
/// </summary>
/// <remarks>
/// Two safeguards keep the method safe on the non-smooth ReLU map, where Anderson's secant model can mislead: a
/// column whose residual ‖g(X) − X‖∞ did not fall since the previous iteration takes the plain Picard step
/// g(X) next (the contraction then guarantees progress), and mixing restarts from a Picard step for every column
/// whenever the largest residual grows past 4× its best value.
/// </remarks>
public sealed class AndersonSolver : IterativeSolver
{
    /// <summary>Creates the solver.</summary>
    /// <param name="options">Stopping rules; null for the defaults.</param>
    /// <param name="memory">History length m ≥ 1 (1 is Picard). Default 5.</param>
    /// <param name="regularization">Tikhonov weight on the normal equations, relative to their trace. Default 1e-10.</param>
    /// <param name="safeguard">Give a column whose residual did not fall the plain Picard step next. Default on.</param>
    /// <exception cref="ArgumentOutOfRangeException">memory &lt; 1 or regularization &lt; 0.</exception>
    public AndersonSolver(SolverOptions? options = null, int memory = 5, double regularization = 1e-10, bool safeguard = true)
        : base(options ?? SolverOptions.Default)
    {
        Safeguard = safeguard;
        if (memory < 1) throw new ArgumentOutOfRangeException(nameof(memory), memory, "Anderson memory must be at least 1.");
        if (!(regularization >= 0))
            throw new ArgumentOutOfRangeException(nameof(regularization), regularization,
                string.Create(CultureInfo.InvariantCulture, $"Anderson regularization must be >= 0, got {regularization}."));
        Memory = memory;
        Regularization = regularization;
    }

    /// <summary>The history length.</summary>
    public int Memory { get; }

    /// <summary>Whether a column whose residual did not fall takes the Picard step next.</summary>
    public bool Safeguard { get; }

    /// <summary>The relative Tikhonov weight.</summary>
    public double Regularization { get; }

    /// <inheritdoc />
    public override string Name => "anderson";

    /// <inheritdoc />
    private protected override EquilibriumResult<T> Iterate<T>(IFixedPointMap<T> map, Matrix<T> x, int done)
    {
        int rows = map.Rows, cols = map.Cols;
        var g = new Matrix<T>[Memory];
        var f = new Matrix<T>[Memory];
        for (int i = 0; i < Memory; i++) (g[i], f[i]) = (new Matrix<T>(rows, cols), new Matrix<T>(rows, cols));
        var mixer = new AndersonMixer<T>(Memory, cols, Regularization);
        var convergence = new ColumnConvergence<T>(cols);
        var previousStep = new double[cols];
        var picard = new bool[cols];
        Array.Fill(previousStep, double.PositiveInfinity);
        double abs = Options.Absolute<T>(), rel = Options.Relative<T>(), kappa = map.ContractionFactor;
        double best = double.PositiveInfinity, bound = double.NaN;
        int stored = 0, newest = -1;
        for (int k = done + 1; k <= Options.MaxIterations; k++)
        {
            newest = (newest + 1) % Memory;
            var gk = g[newest];
            map.Apply(x, gk);
            convergence.Measure(x, gk, abs, rel);
            if (Check(convergence, cols, kappa, ref best, out bound) is { } status)
                return Result(gk, status, k, convergence, kappa, bound);
            if (convergence.Residual > 4 * best)
            {
                // Restart: keep only the newest pair (moved to slot 0 so the ring stays contiguous).
                (g[0], g[newest]) = (g[newest], g[0]);
                (f[0], f[newest]) = (f[newest], f[0]);
                newest = 0;
                stored = 0;
            }
            for (int j = 0; j < cols; j++)
            {
                double step = convergence.Step(j);
                picard[j] = Safeguard && !(step < previousStep[j]);
                previousStep[j] = step;
            }
            Difference(gk = g[newest], x, f[newest]);
            stored = Math.Min(stored + 1, Memory);
            if (stored == 1) x.CopyFrom(gk);
            else mixer.Mix(f, g, stored, newest, x, picard);
        }
        return Result(g[newest], SolverStatus.MaxIterations, Options.MaxIterations, convergence, kappa, bound);
    }

    private static void Difference<T>(Matrix<T> a, Matrix<T> b, Matrix<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var ad = a.Data.AsSpan();
        var bd = b.Data.AsSpan();
        var rd = result.Data.AsSpan();
        int j = 0;
        for (; j <= ad.Length - Vector<T>.Count; j += Vector<T>.Count)
            (new Vector<T>(ad.Slice(j)) - new Vector<T>(bd.Slice(j))).CopyTo(rd.Slice(j));
        for (; j < ad.Length; j++) rd[j] = ad[j] - bd[j];
    }
}
