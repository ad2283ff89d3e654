using System.Runtime.ExceptionServices;

namespace Idl.Numerics.Kernels;

/// <summary>A unit of kernel work split into parts that may run on different threads.</summary>
internal interface IKernelJob
{
    /// <summary>Runs part <paramref name="part"/> (0-based).</summary>
    void Run(int part);
}

/// <summary>
/// A persistent set of kernel threads: the caller runs part 0 of a job itself and <see cref="Count"/> − 1 parked
/// threads run the rest, so a split product costs two signals per helper and allocates nothing.
/// </summary>
/// <remarks>
/// One job at a time: a second caller arriving while a job runs (another shard in the same silo) gets
/// <c>false</c> from <see cref="TryRun"/> and runs its product on its own thread, so shards and threads combine
/// without queueing behind each other.
/// </remarks>
internal sealed class KernelWorkers : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim[] _start;
    private readonly ManualResetEventSlim _done = new(false, spinCount: 200);
    private IKernelJob? _job;
    private int _remaining;
    private ExceptionDispatchInfo? _error;
    private volatile bool _stopping;

    /// <summary>Starts <paramref name="count"/> − 1 background threads.</summary>
    public KernelWorkers(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        _start = new SemaphoreSlim[count - 1];
        for (int w = 0; w < _start.Length; w++)
        {
            _start[w] = new SemaphoreSlim(0);
            int part = w + 1;
            new Thread(() => Loop(part)) { IsBackground = true, Name = $"idl-kernel-{part}" }.Start();
        }
    }

    /// <summary>Threads a job may use, the caller's included.</summary>
    public int Count { get; }

    /// <summary>
    /// Least work, in floating-point operations, worth one part: below it the signals cost more than the part
    /// saves. Tests lower it to split tiny products.
    /// </summary>
    public long MinFlopsPerPart { get; init; } = 1L << 20;

    /// <summary>Runs parts 0 … <paramref name="parts"/> − 1 of <paramref name="job"/>; false when busy with another caller's job.</summary>
    public bool TryRun(IKernelJob job, int parts)
    {
        if (parts < 1 || parts > Count) throw new ArgumentOutOfRangeException(nameof(parts), parts, $"must be in [1, {Count}]");
        if (!_gate.TryEnter()) return false;
        try
        {
            // A caller that fetched this set just before ComputeThreads replaced it runs on its own thread.
            if (_stopping) return false;
            _job = job;
            _error = null;
            _remaining = parts - 1;
            _done.Reset();
            for (int w = 0; w < parts - 1; w++) _start[w].Release();
            try { job.Run(0); }
            finally
            {
                if (parts > 1) _done.Wait();
                _job = null;
            }
            _error?.Throw();
            return true;
        }
        finally { _gate.Exit(); }
    }

    private void Loop(int part)
    {
        var start = _start[part - 1];
        while (true)
        {
            start.Wait();
            if (_stopping) return;
            try { _job!.Run(part); }
            catch (Exception e) { Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null); }
            if (Interlocked.Decrement(ref _remaining) == 0) _done.Set();
        }
    }

    /// <summary>Lets the threads exit once idle.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            foreach (var s in _start) s.Release();
        }
    }
}
