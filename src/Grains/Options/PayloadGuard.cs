using System.Globalization;

namespace Idl.Grains.Options;

/// <summary>Checks matrix sizes before sending, so that an oversized one is a clear error at once, naming the field,
/// instead of a failure deep in a transfer.</summary>
public static class PayloadGuard
{
    /// <summary>Throws when <paramref name="bytes"/> exceed <paramref name="limit"/>.</summary>
    /// <exception cref="InvalidOperationException">The payload is too large; the message names it, its size and the limit.</exception>
    public static void Ensure(long bytes, long limit, string what)
    {
        if (bytes <= limit) return;
        throw new InvalidOperationException(
            $"The {what} would be {Size(bytes)} on the wire, above the {Size(limit)} limit ({nameof(TrainingClusterOptions)}.{nameof(TrainingClusterOptions.MaxPayloadBytes)}); use a smaller --hidden or raise the limit on every silo.");
    }

    private static string Size(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    /// <summary>Checks each matrix of an implicit model (n states, p inputs, q outputs) of
    /// <paramref name="elementBytes"/>-byte elements against <paramref name="limit"/>.</summary>
    /// <exception cref="InvalidOperationException">A matrix is too large; the message names it, its shape, size and the limit.</exception>
    public static void EnsureModel(long n, long p, long q, int elementBytes, long limit)
    {
        string precision = elementBytes == 4 ? "float32" : "float64";
        foreach (var (name, rows, cols) in new[] { ("A", n, n), ("B", n, p), ("C", q, n), ("D", q, p) })
            Ensure(rows * cols * elementBytes + Contracts.MatrixPayloadCodec.HeaderBytes, limit, string.Create(CultureInfo.InvariantCulture, $"model parameter {name} ({rows}x{cols} {precision})"));
    }
}
