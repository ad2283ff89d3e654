using System.Globalization;

namespace Idl.Numerics.Kernels;

/// <summary>
/// The process-wide number of threads the dense kernels may use (the CLI's <c>--threads</c>). Default 1: a silo's
/// parallelism comes from its shards unless the host asks for more; set it once at start.
/// </summary>
/// <remarks>
/// Products split over threads give the same result to the bit as on one thread: a split never changes which
/// elements are summed or in which order, only which thread computes them (see <see cref="Gemm"/>).
/// </remarks>
public static class ComputeThreads
{
    private static KernelWorkers _workers = new(1);

    /// <summary>The current thread count.</summary>
    public static int Count => _workers.Count;

    /// <summary>The cores this process may run on (its affinity and container limits respected).</summary>
    public static int Available => Environment.ProcessorCount;

    /// <summary>The worker set the kernels use.</summary>
    internal static KernelWorkers Workers => _workers;

    /// <summary>Sets the thread count; products already running finish on the old threads.</summary>
    /// <param name="threads">At least 1; more than <see cref="Available"/> is allowed but only time-shares the cores.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1.</exception>
    public static void Set(int threads)
    {
        if (threads < 1)
            throw new ArgumentOutOfRangeException(nameof(threads), threads,
                string.Create(CultureInfo.InvariantCulture, $"Compute threads = {threads} must be at least 1."));
        if (threads == _workers.Count) return;
        var old = Interlocked.Exchange(ref _workers, new KernelWorkers(threads));
        old.Dispose();
    }
}
