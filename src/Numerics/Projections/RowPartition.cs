namespace Idl.Numerics.Projections;

/// <summary>Splits rows [0, rows) into contiguous ranges, one per worker, each with its own scratch buffer.</summary>
internal static class RowPartition
{
    /// <summary>Runs <paramref name="body"/>(start, end, scratch) over the ranges and merges the results.</summary>
    public static ProjectionResult Run(int rows, int threads, int scratchLength,
        Func<int, int, double[], ProjectionResult> body)
    {
        int workers = Math.Max(1, Math.Min(threads, rows));
        if (workers == 1) return body(0, rows, new double[scratchLength]);
        var results = new ProjectionResult[workers];
        // Contiguous ranges keep each worker on its own cache lines of the row-major output; the rows are independent.
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            int start = (int)((long)rows * w / workers);
            int end = (int)((long)rows * (w + 1) / workers);
            results[w] = body(start, end, new double[scratchLength]);
        });
        var merged = ProjectionResult.Empty;
        foreach (var r in results) merged = merged.Merge(r);
        return merged;
    }
}
