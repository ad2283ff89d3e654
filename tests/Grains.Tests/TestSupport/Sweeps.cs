using Idl.Grains.Contracts;

namespace Idl.Grains.Tests.TestSupport;

/// <summary>Helpers to drive sweeps with bounded waits.</summary>
internal static class Sweeps
{
    /// <summary>Polls the sweep until it is finished; throws after <paramref name="timeout"/>. A failed call (the
    /// silo hosting the sweep may just have died) is retried: the next call reactivates the sweep elsewhere.</summary>
    public static async Task<SweepStatus> FinishedAsync(IGrainFactory grains, string sweepId, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            SweepStatus status;
            try { status = await grains.GetGrain<ISweepGrain>(sweepId).StatusAsync().WaitAsync(TimeSpan.FromSeconds(30)); }
            catch (Exception e) when (e is not TimeoutException && clock.Elapsed < timeout)
            {
                await Task.Delay(50);
                continue;
            }
            if (status.IsFinished) return status;
            if (clock.Elapsed > timeout) throw new TimeoutException($"Sweep {sweepId} did not finish in {timeout}: {string.Join("; ", status.Trials)}");
            await Task.Delay(50);
        }
    }

    /// <summary>A tiny sweep template: digits, a slice of the training part, one shard, small batches.</summary>
    public static RunSpec Template(int limit = 192) => new() { DataSpec = "digits", BatchSize = 48, Shards = 1, Limit = limit, CheckpointInterval = 2 };
}
