using Idl.Grains.Contracts;
using Idl.Grains.Options;

namespace Idl.Grains.Transfer;

/// <summary>Fetching remote payloads from a cluster client (no store of its own: every handle is pulled in chunks).</summary>
public static class PayloadClientExtensions
{
    /// <summary><paramref name="parameters"/> with every remote matrix pulled from its silo, in chunks of
    /// <paramref name="chunkBytes"/> (default <see cref="TrainingClusterOptions.ChunkBytes"/>'s).</summary>
    /// <exception cref="InvalidOperationException">A matrix is no longer held, arrived incomplete or failed its checksum.</exception>
    public static async Task<ModelParameters> FetchAsync(this IGrainFactory grains, ModelParameters parameters, int? chunkBytes = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var defaults = new TrainingClusterOptions();
        var fetcher = new PayloadFetcher(grains, chunkBytes ?? defaults.ChunkBytes, long.MaxValue);
        var fields = PayloadTransfer.Fields(parameters);
        if (!fields.Any(f => f?.Handle is not null)) return parameters;
        return PayloadTransfer.With(parameters, await Task.WhenAll(fields.Select(OneAsync)));

        async Task<MatrixPayload?> OneAsync(MatrixPayload? f) => f is null ? null : await fetcher.FetchAsync(f, "model parameters", cancellationToken);
    }
}
