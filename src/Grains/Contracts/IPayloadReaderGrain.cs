namespace Idl.Grains.Contracts;

/// <summary>Serves chunks of the payloads held on one silo (key: the silo's parsable address; placed on that silo).</summary>
[Alias("idl.IPayloadReaderGrain")]
public interface IPayloadReaderGrain : IGrainWithStringKey
{
    /// <summary>Bytes [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="count"/>) of payload
    /// <paramref name="id"/>'s raw block.</summary>
    /// <exception cref="InvalidOperationException">The payload is no longer held (released, or its silo is gone).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the block.</exception>
    [Alias("Read")]
    Task<byte[]> ReadAsync(Guid id, long offset, int count, CancellationToken cancellationToken = default);
}
