namespace Idl.Grains.Contracts;

/// <summary>Where a large payload's elements wait to be pulled: payload <paramref name="Id"/> in the payload store of
/// silo <paramref name="Silo"/> (its parsable address, also the key of that silo's <see cref="IPayloadReaderGrain"/>),
/// with the XxHash3 of the raw block for the receiver to check.</summary>
public sealed record PayloadHandle(string Silo, Guid Id, ulong Checksum);
