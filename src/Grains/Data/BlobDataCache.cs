using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Idl.Grains.Data;

/// <summary>
/// Turns a data specification whose location is an Azure blob into one naming a local copy:
/// <c>csv:blob://container/path.csv</c> and <c>libsvm:blob://container/path</c> (one blob), <c>mnist:blob://container/folder</c>
/// (the blobs directly under the folder: the four IDX files, gzip or not). Every other specification is returned as it is.
/// </summary>
/// <remarks>
/// A copy is downloaded once per machine and blob version: the cache folder's name hashes the account, the names and
/// the ETags, so a changed blob is fetched again and an unchanged one never is, across shards, runs and restarts. A
/// download goes to a temporary folder that is renamed into place when complete, so a killed process or two shards
/// downloading at once never leave or read half a file. The readers then load only the shard's own range from the copy.
/// The connection string comes from the silo's configuration, never from the specification, which is persisted with
/// the run.
/// </remarks>
public sealed class BlobDataCache(string? connection, string cacheRoot)
{
    /// <summary>The location prefix that names a blob.</summary>
    public const string Prefix = "blob://";

    /// <summary>Whether <paramref name="spec"/>'s location is a blob.</summary>
    public static bool IsBlob(string spec) => Location(spec).StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where copies go: one folder per blob version.</summary>
    public string CacheRoot { get; } = cacheRoot;

    /// <summary>Downloads the blobs <paramref name="spec"/> names unless already cached, and returns the specification of the
    /// local copy (unchanged when not a blob).</summary>
    /// <exception cref="ArgumentException">A blob location on a source that has none, a location without a container, or
    /// no connection configured; the message names the specification.</exception>
    /// <exception cref="FileNotFoundException">The container or blob does not exist.</exception>
    /// <exception cref="BlobDataException">The storage service failed or did not answer; the message carries why.</exception>
    public string Resolve(string spec, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        if (!IsBlob(spec)) return spec;
        int colon = spec.IndexOf(':');
        string scheme = spec[..colon].Trim().ToLowerInvariant();
        string path = Location(spec)[Prefix.Length..].Trim('/');
        int slash = path.IndexOf('/');
        string container = slash < 0 ? path : path[..slash], name = slash < 0 ? "" : path[(slash + 1)..];
        if (container.Length == 0) throw new ArgumentException($"Data '{spec}' names no container: write {scheme}:blob://<container>/<path>.", nameof(spec));
        if (scheme is not ("csv" or "libsvm" or "mnist"))
            throw new ArgumentException($"Data '{spec}': only csv:, libsvm: and mnist: sources can be read from a blob.", nameof(spec));
        if (string.IsNullOrWhiteSpace(connection))
            throw new ArgumentException(
                $"Data '{spec}' is in Azure Blob storage but this silo has no data connection: set Silo:Training:DataConnection " +
                "(env IDL_Silo__Training__DataConnection; the silo defaults it to --storage azure:<connection>), or --data-connection on the CLI.", nameof(spec));
        // Three tries, not the SDK's six with back-off: an unreachable account is a configuration error to report
        // within seconds, and the coordinator retries the whole step anyway.
        var options = new BlobClientOptions { Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(200), NetworkTimeout = TimeSpan.FromSeconds(30) } };
        var client = new BlobServiceClient(connection, options).GetBlobContainerClient(container);
        try
        {
            if (scheme == "mnist")
            {
                var blobs = Listing(client, name, cancellationToken);
                if (blobs.Count == 0) throw new FileNotFoundException($"Data '{spec}': no blobs under '{container}/{name}'.");
                return "mnist:" + Fetch(client, name, blobs, cancellationToken);
            }
            if (name.Length == 0) throw new ArgumentException($"Data '{spec}' names a container but no blob.", nameof(spec));
            var properties = client.GetBlobClient(name).GetProperties(cancellationToken: cancellationToken).Value;
            string folder = Fetch(client, name, [(name, properties.ETag)], cancellationToken);
            return $"{scheme}:{Path.Combine(folder, FileName(name))}";
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"Data '{spec}': blob or container '{container}/{name}' does not exist ({e.ErrorCode}).");
        }
        catch (RequestFailedException e)
        {
            throw new BlobDataException($"Data '{spec}': Azure Blob storage answered {e.Status} {e.ErrorCode}: {e.Message.Split('\n')[0]}", e);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is RequestFailedException or HttpRequestException or TaskCanceledException))
        {
            // The SDK's retry policy gives up with every attempt's failure; the last one says why.
            throw new BlobDataException($"Data '{spec}': Azure Blob storage did not answer after {e.InnerExceptions.Count} tries: {e.InnerExceptions[^1].Message}", e);
        }
    }

    // The blobs directly under the folder (not in sub-folders), with their versions, in name order.
    private static List<(string Name, ETag ETag)> Listing(BlobContainerClient client, string folder, CancellationToken cancellationToken)
    {
        string prefix = folder.Length == 0 ? "" : folder + "/";
        return client.GetBlobsByHierarchy(BlobTraits.None, BlobStates.None, "/", prefix, cancellationToken)
            .Where(b => b.IsBlob).Select(b => (b.Blob.Name, b.Blob.Properties.ETag ?? default)).OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
    }

    private string Fetch(BlobContainerClient client, string key, List<(string Name, ETag ETag)> blobs, CancellationToken cancellationToken)
    {
        var identity = new StringBuilder(client.Uri.AbsoluteUri).Append('|').Append(key);
        foreach (var (name, etag) in blobs) identity.Append('|').Append(name).Append('@').Append(etag);
        string folder = Path.Combine(CacheRoot, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())))[..24].ToLowerInvariant());
        if (Directory.Exists(folder)) return folder;
        Directory.CreateDirectory(CacheRoot);
        string temporary = folder + ".partial-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(temporary);
        try
        {
            foreach (var (name, etag) in blobs)
                // Conditional on the listed version: a blob replaced mid-download fails instead of mixing versions.
                client.GetBlobClient(name).DownloadTo(Path.Combine(temporary, FileName(name)),
                    new BlobDownloadToOptions { Conditions = new BlobRequestConditions { IfMatch = etag } }, cancellationToken);
            Directory.Move(temporary, folder);
        }
        catch (IOException) when (Directory.Exists(folder)) { } // another shard finished the same copy first
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
        return folder;
    }

    private static string FileName(string blobName) => blobName[(blobName.LastIndexOf('/') + 1)..];

    private static string Location(string spec) => spec.IndexOf(':') is var colon and >= 0 ? spec[(colon + 1)..].Trim() : "";
}
