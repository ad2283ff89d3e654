using Idl.Grains.Contracts;

namespace Idl.Grains.Tests.TestSupport;

/// <summary>Helpers to drive runs with bounded waits.</summary>
internal static class Runs
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>Starts the run, asking again when a call is lost or times out (a start is idempotent): on a cluster
    /// that just lost a silo, the first call can wait on directory and reminder ranges that are still moving.</summary>
    public static async Task<RunStatus> StartAsync(IGrainFactory grains, string runId, RunSpec spec, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try { return await grains.GetGrain<ITrainingCoordinatorGrain>(runId).StartAsync(spec).WaitAsync(TimeSpan.FromSeconds(45)); }
            catch (Exception e) when (e is TimeoutException or OrleansMessageRejectionException && clock.Elapsed < timeout) { await Task.Delay(200); }
        }
    }

    /// <summary>Calls <paramref name="call"/> again while it is lost (rejected, timed out) and <paramref name="timeout"/>
    /// has not passed: after a silo kill the client's directory cache, or a directory partition, can still point at the
    /// dead silo for a moment even once the membership has declared it dead.</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try { return await call().WaitAsync(TimeSpan.FromSeconds(10)); }
            catch (Exception e) when (e is TimeoutException or OrleansException && clock.Elapsed < timeout) { await Task.Delay(200); }
        }
    }

    /// <summary>Polls the run's status until <paramref name="done"/> holds; throws after <paramref name="timeout"/>.</summary>
    public static async Task<RunStatus> WaitAsync(IGrainFactory grains, string runId, Func<RunStatus, bool> done, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            RunStatus status;
            try { status = await grains.GetGrain<ITrainingCoordinatorGrain>(runId).StatusAsync().WaitAsync(TimeSpan.FromSeconds(10)); }
            catch (Exception) when (clock.Elapsed < timeout)
            {
                // The silo hosting the coordinator may just have died (the next call activates it elsewhere), or the
                // call went through a gateway that died holding it (lost: only a timeout tells).
                await Task.Delay(50);
                continue;
            }
            if (done(status)) return status;
            if (status.State == RunState.Failed) throw new InvalidOperationException($"Run {runId} failed: {status.Error}");
            if (clock.Elapsed > timeout) throw new TimeoutException($"Run {runId} did not get there in {timeout}: {status}");
            await Task.Delay(20);
        }
    }

    public static Task<RunStatus> CompletedAsync(IGrainFactory grains, string runId, TimeSpan timeout) =>
        WaitAsync(grains, runId, s => s.State == RunState.Completed, timeout);
}
