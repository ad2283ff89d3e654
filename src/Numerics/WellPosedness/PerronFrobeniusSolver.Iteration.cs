namespace Idl.Numerics.WellPosedness;

public sealed partial class PerronFrobeniusSolver
{
    /// <summary>The relative widening that covers rounding in a k-term non-negative sum and one division.</summary>
    private static double Widening(int k) => 2.0 * (k + 2) * Unit;

    /// <summary>
    /// Bounds for one component before iterating: exact for 1×1; otherwise Collatz–Wielandt at x = 1 (the row sums),
    /// with the lower end raised to the largest diagonal entry (M ≥ diag(M) entrywise, and ρ is monotone on M ≥ 0).
    /// </summary>
    private static (double Lower, double Upper) InitialBounds(double[] m, int n, int[] component)
    {
        if (component.Length == 1)
        {
            double v = m[component[0] * (n + 1)];
            return (v, v);
        }
        double min = double.PositiveInfinity, max = 0, diagonal = 0;
        foreach (int i in component)
        {
            double sum = 0;
            foreach (int j in component) sum += m[i * n + j];
            min = Math.Min(min, sum);
            max = Math.Max(max, sum);
            diagonal = Math.Max(diagonal, m[i * (n + 1)]);
        }
        double w = Widening(component.Length);
        return (Math.Max(min * (1 - w), diagonal), max * (1 + w));
    }

    private static double[] Extract(double[] m, int n, int[] component)
    {
        int k = component.Length;
        var sub = new double[k * k];
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++) sub[a * k + b] = m[component[a] * n + component[b]];
        return sub;
    }

    /// <summary>Shifted power iteration x ← (M + cI)x on one irreducible k×k component, narrowing [lower, upper].</summary>
    private (double Lower, double Upper, int Iterations, bool Converged) PowerIteration(double[] m, int k, double lower, double upper)
    {
        var x = new double[k];
        var y = new double[k];
        Array.Fill(x, 1.0);
        double w = Widening(k);
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            double min = double.PositiveInfinity, max = 0;
            for (int i = 0; i < k; i++)
            {
                double sum = 0;
                var row = m.AsSpan(i * k, k);
                for (int j = 0; j < k; j++) sum += row[j] * x[j];
                y[i] = sum;
                double ratio = sum / x[i];
                min = Math.Min(min, ratio);
                max = Math.Max(max, ratio);
            }
            lower = Math.Max(lower, min * (1 - w));
            upper = Math.Min(upper, max * (1 + w));
            // Below 4w·upper the widening itself dominates: the interval cannot be certified any narrower.
            if (upper - lower <= Math.Max(Tolerance, 4 * w * upper)) return (lower, upper, iteration, true);
            double shift = upper, scale = 0;
            for (int i = 0; i < k; i++)
            {
                x[i] = y[i] + shift * x[i];
                scale = Math.Max(scale, x[i]);
            }
            bool positive = scale > 0 && double.IsFinite(scale);
            for (int i = 0; i < k && positive; i++)
            {
                x[i] /= scale;
                // An underflowed entry would make its ratio undefined; the bounds so far remain valid.
                positive = x[i] > 0;
            }
            if (!positive) return (lower, upper, iteration, false);
        }
        return (lower, upper, MaxIterations, false);
    }
}
