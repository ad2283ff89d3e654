using System.Numerics;
using Idl.Numerics.Solvers;

namespace Idl.Numerics.Tests.Solvers;

/// <summary>Wraps a map and counts the columns each product covers, to see what the active set and the free first iterate save.</summary>
internal sealed class CountingMap<T>(IFixedPointMap<T> inner, CountingMap<T>.Counter counter) : IFixedPointMap<T>, IColumnRestrictable<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public sealed class Counter
    {
        public long ColumnProducts { get; set; }
        public int Products { get; set; }
    }

    public int Rows => inner.Rows;
    public int Cols => inner.Cols;
    public double ContractionFactor => inner.ContractionFactor;

    public void Apply(Matrix<T> x, Matrix<T> result)
    {
        counter.ColumnProducts += x.Cols;
        counter.Products++;
        inner.Apply(x, result);
    }

    public bool TryApplyAtZero(Matrix<T> result) => inner.TryApplyAtZero(result);

    public IFixedPointMap<T> Restrict(int[] columns, int count) =>
        new CountingMap<T>(((IColumnRestrictable<T>)inner).Restrict(columns, count), counter);
}
