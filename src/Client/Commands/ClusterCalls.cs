using Idl.Client.Output;
using Orleans.Runtime;

namespace Idl.Client.Commands;

/// <summary>
/// Calls to a running cluster that outlive a silo's death: a call routed through a gateway that died, or made while
/// membership changes, fails for a few seconds and then succeeds, so those failures are retried with backoff and a
/// short notice on stderr, and only a cluster that stays unreachable for <see cref="Patience"/> ends the client.
/// </summary>
internal sealed class ClusterCalls(CliOutput output, TimeSpan? patience = null, TimeSpan? callTimeout = null)
{
    /// <summary>How long the cluster may stay unreachable before the client gives up (default 3 minutes).</summary>
    public TimeSpan Patience { get; } = patience ?? TimeSpan.FromMinutes(3);

    private readonly TimeSpan _callTimeout = callTimeout ?? TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="call"/>, retrying transient failures; <paramref name="what"/> names it in notices.</summary>
    /// <exception cref="ClusterUnavailableException">The call kept failing for longer than <see cref="Patience"/>.</exception>
    public async Task<T> CallAsync<T>(Func<Task<T>> call, string what, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var delay = TimeSpan.FromMilliseconds(250);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                T result = await call().WaitAsync(_callTimeout, cancellationToken);
                if (attempt > 1) output.Info($"{what}: the cluster answers again (after {attempt - 1} failed attempt(s)).");
                return result;
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                if (DateTime.UtcNow - started + delay > Patience)
                    throw new ClusterUnavailableException($"{what}: the cluster stayed unreachable for {Patience.TotalSeconds:0} s ({e.GetType().Name}: {e.Message}); "
                        + "the run itself may still be going: check it with idl runs status.", e);
                output.Info($"{what}: {Short(e)}; retrying in {delay.TotalSeconds:0.##} s (a silo may have died; the run carries on on the others).");
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    /// <summary>Failures that a live cluster recovers from by itself: lost connections, timeouts, rejected messages.</summary>
    public static bool IsTransient(Exception e) => e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException
        or Orleans.Runtime.Messaging.ConnectionFailedException or ClientNotAvailableException
        || (e is OrleansException && e.InnerException is { } inner && IsTransient(inner));

    private static string Short(Exception e) => e switch
    {
        TimeoutException => "no answer in time",
        SiloUnavailableException => "the silo that held the call is gone",
        _ => $"{e.GetType().Name}: {e.Message.Split('\n')[0]}",
    };
}
