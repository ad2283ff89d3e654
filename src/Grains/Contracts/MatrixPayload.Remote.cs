namespace Idl.Grains.Contracts;

public sealed partial class MatrixPayload
{
    private MatrixPayload(PayloadElement element, int rows, int cols, PayloadHandle handle) =>
        (Element, Rows, Cols, Handle) = (element, rows, cols, handle);

    /// <summary>Where the elements are held when they did not travel with this payload; null when they did.</summary>
    public PayloadHandle? Handle { get; }

    /// <summary>A payload of the given shape whose elements stay on the silo <paramref name="handle"/> names.</summary>
    /// <exception cref="ArgumentException">The element type is unknown or the shape negative.</exception>
    public static MatrixPayload Remote(PayloadElement element, int rows, int cols, PayloadHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        Check(element, rows, cols, (long)rows * cols * (int)element);
        return new MatrixPayload(element, rows, cols, handle);
    }

    private InvalidOperationException NotFetched() => new(
        $"This {Rows}x{Cols} {Element} payload is held on silo {Handle?.Silo} (payload {Handle?.Id}); fetch it (PayloadTransfer, or IGrainFactory.FetchAsync on a client) before reading it.");
}
