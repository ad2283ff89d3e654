using System.Numerics;

namespace Idl.Numerics.Solvers;

/// <summary>
/// Per-column step and scale of one iteration: <c>step_j = max_i |X_new − X_old|</c>, <c>scale_j = max_i |X_new|</c>,
/// computed row by row so that every inner loop is a contiguous vector loop over the samples.
/// </summary>
internal sealed class ColumnConvergence<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _step;
    private readonly T[] _scale;
    private readonly bool[] _converged;

    public ColumnConvergence(int cols)
    {
        _step = new T[cols];
        _scale = new T[cols];
        _converged = new bool[cols];
    }

    /// <summary>Whether column <paramref name="j"/> met the tolerance in the last <see cref="Measure"/>.</summary>
    public bool IsConverged(int j) => _converged[j];

    /// <summary>Column <paramref name="j"/>'s step in the last <see cref="Measure"/>.</summary>
    public double Step(int j) => double.CreateTruncating(_step[j]);

    /// <summary>The largest step over all columns, in double.</summary>
    public double Residual { get; private set; }

    /// <summary>Columns whose step meets the tolerance.</summary>
    public int ConvergedColumns { get; private set; }

    /// <summary>Whether any entry of the new iterate was NaN or infinite.</summary>
    public bool NonFinite { get; private set; }

    public void Measure(Matrix<T> previous, Matrix<T> next, double absolute, double relative)
    {
        int m = next.Cols;
        var step = _step.AsSpan();
        var scale = _scale.AsSpan();
        step.Clear();
        scale.Clear();
        // x·0 is 0 for finite x and NaN for NaN/±∞: the sum over all lanes stays 0 exactly when every entry is finite.
        var finite = Vector<T>.Zero;
        T finiteTail = T.Zero;
        for (int i = 0; i < next.Rows; i++)
        {
            var x = next.Row(i);
            var p = previous.Row(i);
            int j = 0;
            for (; j <= m - Vector<T>.Count; j += Vector<T>.Count)
            {
                var xv = new Vector<T>(x.Slice(j));
                var dv = Vector.Abs(xv - new Vector<T>(p.Slice(j)));
                finite += xv * Vector<T>.Zero;
                Vector.Max(new Vector<T>(step.Slice(j)), dv).CopyTo(step.Slice(j));
                Vector.Max(new Vector<T>(scale.Slice(j)), Vector.Abs(xv)).CopyTo(scale.Slice(j));
            }
            for (; j < m; j++)
            {
                finiteTail += x[j] * T.Zero;
                step[j] = T.MaxMagnitudeNumber(step[j], T.Abs(x[j] - p[j]));
                scale[j] = T.MaxMagnitudeNumber(scale[j], T.Abs(x[j]));
            }
        }

        double residual = 0;
        int converged = 0;
        bool nonFinite = finiteTail != T.Zero || Vector.Sum(finite) != T.Zero;
        for (int j = 0; j < m; j++)
        {
            double s = double.CreateTruncating(step[j]);
            double sc = double.CreateTruncating(scale[j]);
            residual = Math.Max(residual, s);
            bool done = s <= absolute + relative * sc;
            _converged[j] = done;
            if (done) converged++;
        }
        (Residual, ConvergedColumns, NonFinite) = (residual, converged, nonFinite);
    }
}
