using System.Numerics;

namespace Idl.Numerics.Solvers;

/// <summary>
/// The per-column least-squares step of <see cref="AndersonSolver"/>: for every column j solve
/// (FⱼᵀFⱼ + λI) y = 1, set α = y / Σy, and write Σᵢ αᵢ Gᵢ[:, j].
/// </summary>
internal sealed class AndersonMixer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _memory;
    private readonly int _cols;
    private readonly double _regularization;
    private readonly T[] _gram;      // pair (a, b), column j at ((a * memory + b) * cols + j)
    private readonly double[] _alpha; // weight i of column j at (i * cols + j)

    public AndersonMixer(int memory, int cols, double regularization)
    {
        (_memory, _cols, _regularization) = (memory, cols, regularization);
        _gram = new T[memory * memory * cols];
        _alpha = new double[memory * cols];
    }

    /// <summary>Writes the mixed iterate; columns flagged in <paramref name="picard"/> take the newest g unmixed (a Picard step).</summary>
    public void Mix(Matrix<T>[] f, Matrix<T>[] g, int stored, int newest, Matrix<T> result, ReadOnlySpan<bool> picard = default)
    {
        // Slot order does not matter for the least-squares problem, only which slots hold data.
        Span<int> slots = stackalloc int[stored];
        for (int i = 0; i < stored; i++) slots[i] = (newest - i + _memory) % _memory;
        Gram(f, slots);
        Weights(slots, picard);
        Combine(g, slots, result);
    }

    private void Gram(Matrix<T>[] f, ReadOnlySpan<int> slots)
    {
        int h = slots.Length, m = _cols, rows = f[0].Rows;
        Array.Clear(_gram);
        for (int a = 0; a < h; a++)
            for (int b = a; b < h; b++)
            {
                var acc = _gram.AsSpan((a * _memory + b) * m, m);
                for (int r = 0; r < rows; r++)
                {
                    var fa = f[slots[a]].Row(r);
                    var fb = f[slots[b]].Row(r);
                    int j = 0;
                    for (; j <= m - Vector<T>.Count; j += Vector<T>.Count)
                        (new Vector<T>(acc.Slice(j)) + new Vector<T>(fa.Slice(j)) * new Vector<T>(fb.Slice(j))).CopyTo(acc.Slice(j));
                    for (; j < m; j++) acc[j] += fa[j] * fb[j];
                }
            }
    }

    private void Weights(ReadOnlySpan<int> slots, ReadOnlySpan<bool> picard)
    {
        int h = slots.Length, m = _cols;
        Span<double> matrix = stackalloc double[h * h];
        Span<double> y = stackalloc double[h];
        for (int j = 0; j < m; j++)
        {
            if (!picard.IsEmpty && picard[j])
            {
                for (int a = 0; a < h; a++) _alpha[a * m + j] = a == 0 ? 1.0 : 0.0;
                continue;
            }
            double trace = 0;
            for (int a = 0; a < h; a++)
                for (int b = 0; b < h; b++)
                {
                    int lo = Math.Min(a, b), hi = Math.Max(a, b);
                    matrix[a * h + b] = double.CreateTruncating(_gram[(lo * _memory + hi) * m + j]);
                    if (a == b) trace += matrix[a * h + b];
                }
            double lambda = _regularization * Math.Max(trace, double.Epsilon);
            for (int a = 0; a < h; a++) { matrix[a * h + a] += lambda; y[a] = 1; }
            bool ok = SmallLinearSolve.Solve(matrix, y, h);
            double sum = 0;
            for (int a = 0; a < h; a++) sum += y[a];
            ok &= double.IsFinite(sum) && Math.Abs(sum) > 1e-300;
            for (int a = 0; a < h; a++)
                // A singular column (all residuals zero or parallel) falls back to the newest g: a Picard step.
                _alpha[a * m + j] = ok ? y[a] / sum : (a == 0 ? 1.0 : 0.0);
        }
    }

    private void Combine(Matrix<T>[] g, ReadOnlySpan<int> slots, Matrix<T> result)
    {
        int h = slots.Length, m = _cols;
        var weights = new T[h * m];
        for (int i = 0; i < weights.Length; i++) weights[i] = T.CreateTruncating(_alpha[i]);
        for (int r = 0; r < result.Rows; r++)
        {
            var outRow = result.Row(r);
            outRow.Clear();
            for (int a = 0; a < h; a++)
            {
                var gr = g[slots[a]].Row(r);
                var w = weights.AsSpan(a * m, m);
                int j = 0;
                for (; j <= m - Vector<T>.Count; j += Vector<T>.Count)
                    (new Vector<T>(outRow.Slice(j)) + new Vector<T>(w.Slice(j)) * new Vector<T>(gr.Slice(j))).CopyTo(outRow.Slice(j));
                for (; j < m; j++) outRow[j] += w[j] * gr[j];
            }
        }
    }
}
