using System.Globalization;

namespace Idl.Grains.Options;

/// <summary>Checks message sizes before sending, so that an oversized payload is a clear error at once instead of
/// Orleans' reconnect loop and a timeout 30 s later.</summary>
public static class PayloadGuard
{
    /// <summary>Throws when <paramref name="bytes"/> exceed <paramref name="limit"/>.</summary>
    /// <exception cref="InvalidOperationException">The payload is too large; the message names both sizes.</exception>
    public static void Ensure(long bytes, long limit, string what)
    {
        if (bytes <= limit) return;
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"The {what} would be {bytes / 1048576.0:F1} MiB on the wire, above the {limit / 1048576.0:F1} MiB limit ({nameof(TrainingClusterOptions)}.{nameof(TrainingClusterOptions.MaxPayloadBytes)}); use a smaller --hidden or raise the limit (and Orleans' MaxMessageBodySize) on every silo."));
    }

    /// <summary>Bytes of a float64 implicit model's parameters on the wire (n states, p inputs, q outputs, biases).</summary>
    public static long ModelBytes(long n, long p, long q) => 8 * (n * n + n * p + q * n + q * p + n + q) + 6 * 9;
}
