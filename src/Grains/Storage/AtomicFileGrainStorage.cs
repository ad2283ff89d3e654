using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Idl.Grains.Storage;

/// <summary>
/// Grain state as one binary file per grain (Orleans' own serializer, so matrices stay raw blocks), written to a
/// temporary file, flushed, then renamed over the old one: a crash mid-write leaves the previous state readable.
/// The ETag is the write counter stored in the file; a stale writer gets an <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class AtomicFileGrainStorage(string name, AtomicFileStorageOptions options, Serializer serializer) : IGrainStorage
{
    private readonly string _root = Path.GetFullPath(Path.Combine(options.RootDirectory, name));

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        string path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            (grainState.State, grainState.ETag, grainState.RecordExists) = (Activator.CreateInstance<T>(), null, false);
            return;
        }
        var bytes = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
        var stored = serializer.Deserialize<StoredState<T>>(bytes);
        (grainState.State, grainState.ETag, grainState.RecordExists) = (stored!.State, Tag(stored.Version), true);
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        string path = PathOf(stateName, grainId);
        long version = await CheckETagAsync<T>(path, grainState.ETag).ConfigureAwait(false) + 1;
        var bytes = serializer.SerializeToArray(new StoredState<T>(version, grainState.State!));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                if (options.WriteHook is { } hook)
                {
                    await file.WriteAsync(bytes.AsMemory(0, bytes.Length / 2)).ConfigureAwait(false);
                    file.Flush(flushToDisk: true);
                    await hook(temp, false).ConfigureAwait(false);
                    await file.WriteAsync(bytes.AsMemory(bytes.Length / 2)).ConfigureAwait(false);
                    file.Flush(flushToDisk: true);
                    await hook(temp, true).ConfigureAwait(false);
                }
                else
                {
                    await file.WriteAsync(bytes).ConfigureAwait(false);
                    file.Flush(flushToDisk: true);
                }
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            // A full disk fails the write or the flush: leave no partial temporary file (only a kill mid-write can).
            try { File.Delete(temp); }
            catch (IOException) { }
            throw;
        }
        (grainState.ETag, grainState.RecordExists) = (Tag(version), true);
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        string path = PathOf(stateName, grainId);
        await CheckETagAsync<T>(path, grainState.ETag).ConfigureAwait(false);
        File.Delete(path);
        (grainState.State, grainState.ETag, grainState.RecordExists) = (Activator.CreateInstance<T>(), null, false);
    }

    private async Task<long> CheckETagAsync<T>(string path, string? etag)
    {
        if (!File.Exists(path))
        {
            if (etag is null) return 0;
            throw new InconsistentStateException($"State file {path} is gone but the grain holds version {etag}.", "", etag);
        }
        var stored = serializer.Deserialize<StoredState<T>>(await File.ReadAllBytesAsync(path).ConfigureAwait(false));
        string current = Tag(stored!.Version);
        if (etag != current) throw new InconsistentStateException($"State file {path} is at version {current} but the grain wrote from {etag ?? "none"}.", current, etag ?? "");
        return stored.Version;
    }

    private string PathOf(string stateName, GrainId grainId)
    {
        // Keys hold '/' and other characters that are not safe in file names: hash them, keep a readable prefix.
        string id = grainId.ToString();
        string hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];
        string readable = new(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(64).ToArray());
        return Path.Combine(_root, stateName, $"{readable}-{hash}.bin");
    }

    private static string Tag(long version) => version.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The file content: the write counter and the state.</summary>
[GenerateSerializer, Alias("idl.StoredState`1")]
internal sealed record StoredState<T>([property: Id(0)] long Version, [property: Id(1)] T State);
