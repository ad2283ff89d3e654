using Idl.Grains.Contracts;

namespace Idl.Grains.Attacks;

/// <summary>
/// Sends one slice to an <see cref="ILpAttackGrain"/> and, when the call fails (its silo died, the call was lost),
/// sends it again to a fresh grain after a short backoff: slices are deterministic, so a resent slice counts exactly
/// once.
/// </summary>
public static class LpAttackDispatch
{
    /// <summary>How many times a slice is sent before its failure is reported.</summary>
    public const int Attempts = 4;

    /// <summary>The grain key of attempt <paramref name="attempt"/> of slice <paramref name="index"/> of run <paramref name="run"/>.</summary>
    public static string KeyOf(string run, int index, int attempt) => $"{run}/{index}/{attempt}";

    /// <summary>How often a slice in flight asks its grain where it lives: a silo that died with the slice shows as a
    /// failed probe or as the grain answering from another silo (a fresh activation), and the slice is sent again
    /// at once instead of after the attack call's hour-long response timeout.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);

    /// <summary>Attacks <paramref name="slice"/>, resending it up to <see cref="Attempts"/> times.</summary>
    /// <param name="onRetry">Told the failure before each resend.</param>
    public static async Task<LpAttackSliceResult> SendAsync(IGrainFactory grains, string run, int index, LpAttackSlice slice,
        Action<Exception, int>? onRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(grains.GetGrain<ILpAttackGrain>(KeyOf(run, index, attempt)), slice, cancellationToken);
            }
            catch (Exception e) when (attempt < Attempts && e is not OperationCanceledException && e is not ArgumentException)
            {
                onRetry?.Invoke(e, attempt + 1);
                // A call refused at once (a dead gateway, a silo not yet declared dead) would otherwise spend every
                // attempt within a second on the same dead silo: wait 1, 2, 4 s, by when the membership has dropped it.
                await Task.Delay(TimeSpan.FromSeconds(1 << (attempt - 1)), cancellationToken);
            }
        }
    }

    private static async Task<LpAttackSliceResult> AttemptAsync(ILpAttackGrain grain, LpAttackSlice slice, CancellationToken cancellationToken)
    {
        // Activates the grain and learns its silo before the work starts, so that a later answer from elsewhere can
        // only mean the first activation died.
        string host = await grain.HostAsync().WaitAsync(cancellationToken);
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var attack = grain.AttackAsync(slice, call.Token);
        try
        {
            while (true)
            {
                if (await Task.WhenAny(attack, Task.Delay(ProbeInterval, cancellationToken)) == attack) return await attack;
                cancellationToken.ThrowIfCancellationRequested();
                string now;
                try { now = await grain.HostAsync().WaitAsync(cancellationToken); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new TimeoutException($"The silo {host} attacking the slice stopped answering ({e.GetType().Name}).", e);
                }
                if (now != host) throw new TimeoutException($"The silo {host} attacking the slice is gone (the grain now answers from {now}).");
            }
        }
        finally
        {
            if (!attack.IsCompleted)
            {
                // Abandoned (its silo died, or the caller cancelled): tell a live silo to stop, and observe the call's
                // end so that its failure is not reported as unobserved.
                call.Cancel();
                _ = attack.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            }
        }
    }
}
