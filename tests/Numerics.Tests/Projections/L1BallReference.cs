namespace Idl.Numerics.Tests.Projections;

/// <summary>
/// An independent reference for the row subproblem of eq. 6.7, by enumerating the faces of the ℓ1 ball: the
/// projection lies in the relative interior of some face {p : pᵢ = 0 off S, σᵢpᵢ ≥ 0, Σ σᵢpᵢ = κ} (or inside the
/// ball), where it equals the projection onto that face's affine hull; the nearest feasible such candidate is the
/// answer. Exponential (3ⁿ faces), so only for n ≤ 7; it shares no code or formula with the soft-threshold.
/// </summary>
internal static class L1BallReference
{
    public static double[] Project(double[] a, double kappa)
    {
        int n = a.Length;
        if (a.Sum(Math.Abs) <= kappa) return (double[])a.Clone();
        double[]? best = null;
        double bestDistance = double.PositiveInfinity;
        var sigma = new int[n];
        int faces = (int)Math.Pow(3, n);
        for (int code = 0; code < faces; code++)
        {
            int rest = code, support = 0;
            double sigmaDotA = 0;
            for (int i = 0; i < n; i++, rest /= 3)
            {
                sigma[i] = rest % 3 - 1;
                support += sigma[i] != 0 ? 1 : 0;
                sigmaDotA += sigma[i] * a[i];
            }
            if (support == 0) continue;
            // Projection onto {p_S : Σ σᵢpᵢ = κ, p = 0 off S}: p_S = a_S − tσ_S with t fixed by the constraint.
            double t = (sigmaDotA - kappa) / support;
            var p = new double[n];
            bool feasible = true;
            for (int i = 0; i < n; i++)
            {
                if (sigma[i] == 0) continue;
                p[i] = a[i] - t * sigma[i];
                feasible &= sigma[i] * p[i] >= -1e-14;
            }
            if (!feasible) continue;
            double distance = 0;
            for (int i = 0; i < n; i++) distance += (p[i] - a[i]) * (p[i] - a[i]);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = p;
            }
        }
        return best!;
    }
}
