namespace Idl.Numerics.Data;

/// <summary>Checks a requested sample range [start, start + count) against what a source holds.</summary>
internal static class SampleRange
{
    /// <summary>The number of samples to take, or a <see cref="DataFormatException"/> naming the file when the
    /// range reaches past the <paramref name="available"/> samples.</summary>
    public static int Resolve(string source, int start, int? count, long available, string what)
    {
        if (count is < 0) throw new ArgumentOutOfRangeException(nameof(count), "count must not be negative.");
        long end = count is { } c ? (long)start + c : available;
        if (start > available || end > available)
            throw DataFormatException.InFile(source, Dataset.Invariant(
                $"requested {what} [{start}, {end}) is beyond the end: the file holds {available}."));
        if (end - start == 0)
            throw DataFormatException.InFile(source, Dataset.Invariant($"requested range [{start}, {end}) of {what} is empty."));
        return (int)(end - start);
    }
}
