namespace Idl.Grains.Data;

/// <summary>Blob data could not be read: the storage account did not answer or refused (an <see cref="IOException"/>,
/// so that shards report it as a data error like any unreadable file; the CLI exits with its data-error code).</summary>
public sealed class BlobDataException(string message, Exception? inner = null) : IOException(message, inner);
