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
                return await grains.GetGrain<ILpAttackGrain>(KeyOf(run, index, attempt)).AttackAsync(slice, cancellationToken);
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
}
