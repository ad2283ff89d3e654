namespace Idl.Numerics.Solvers;

/// <summary>Gaussian elimination with partial pivoting for the tiny dense systems of Anderson mixing.</summary>
internal static class SmallLinearSolve
{
    /// <summary>Solves M y = rhs in place (rhs becomes y); false when M is numerically singular.</summary>
    public static bool Solve(Span<double> m, Span<double> rhs, int n)
    {
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
                if (Math.Abs(m[r * n + c]) > Math.Abs(m[pivot * n + c])) pivot = r;
            double p = m[pivot * n + c];
            if (!(Math.Abs(p) > 1e-300)) return false;
            if (pivot != c)
            {
                for (int k = 0; k < n; k++) (m[c * n + k], m[pivot * n + k]) = (m[pivot * n + k], m[c * n + k]);
                (rhs[c], rhs[pivot]) = (rhs[pivot], rhs[c]);
            }
            for (int r = c + 1; r < n; r++)
            {
                double factor = m[r * n + c] / p;
                if (factor == 0) continue;
                for (int k = c; k < n; k++) m[r * n + k] -= factor * m[c * n + k];
                rhs[r] -= factor * rhs[c];
            }
        }
        for (int r = n - 1; r >= 0; r--)
        {
            double s = rhs[r];
            for (int k = r + 1; k < n; k++) s -= m[r * n + k] * rhs[k];
            rhs[r] = s / m[r * n + r];
        }
        return true;
    }
}
