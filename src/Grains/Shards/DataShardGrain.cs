using Idl.Grains.Contracts;
using Idl.Grains.Data;
using Idl.Grains.Transfer;
using Idl.Numerics.Data;
using Idl.Numerics.Training.Steps;
using Microsoft.Extensions.Logging;

namespace Idl.Grains.Shards;

/// <summary>
/// Owns a slice of a run's samples and their warm-start states. Thin: validates, loads (once per activation),
/// computes on captured immutable inputs off the grain scheduler, and only then touches its own fields.
/// </summary>
[ShardPlacement]
public sealed partial class DataShardGrain(ILogger<DataShardGrain> logger, PayloadTransfer transfer, ILocalSiloDetails silo, BlobDataCache blobs)
    : Grain, IDataShardGrain
{
    private ShardData? _data;
    // StateCache<float> or <double>, as the run's precision; replaced when the precision or n changes.
    private object? _states, _adjoints;
    private ShardContribution? _last;
    private int _lastIncarnation = -1;

    /// <inheritdoc />
    public async Task<ShardProbe> ProbeAsync(string dataSpec, int seed, DataRead? read = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataSpec);
        var loaded = await Task.Run(() => LoadWhole(dataSpec, seed, read), cancellationToken);
        var train = loaded.Train;
        return new ShardProbe(train.SampleCount, train.FeatureCount, train.OutputCount, train.Task == DataTask.Classification,
            loaded.Test?.SampleCount ?? 0);
    }

    /// <inheritdoc />
    public async Task<FeatureSums> StatisticsAsync(ShardSpec spec, CancellationToken cancellationToken = default)
    {
        var data = await EnsureLoadedAsync(spec, cancellationToken);
        return await Task.Run(() => Sums(data.Train), cancellationToken);
    }

    /// <inheritdoc />
    public async Task PrepareAsync(ShardSpec spec, CancellationToken cancellationToken = default) =>
        await EnsureLoadedAsync(spec, cancellationToken);

    /// <inheritdoc />
    public async Task<ShardContribution> ComputeAsync(ShardStepRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_last is { } last && last.Step == request.Step && _lastIncarnation == request.Incarnation) return last;
        request = request with { Parameters = await transfer.FetchAsync(request.Parameters, "model parameters", cancellationToken) };
        var data = await EnsureLoadedAsync(request.Spec, cancellationToken);
        int[] indices = request.Indices ?? Enumerable.Range(0, data.Train.SampleCount).ToArray();
        CheckIndices(indices, data.Train.SampleCount);
        var contribution = request.Parameters.A.Element == PayloadElement.Float32
            ? await ComputeAsync<float>(data, request, indices, cancellationToken)
            : await ComputeAsync<double>(data, request, indices, cancellationToken);
        (_last, _lastIncarnation) = (Send(contribution), request.Incarnation);
        return _last;
    }

    private async Task<ShardContribution> ComputeAsync<T>(ShardData data, ShardStepRequest request, int[] indices, CancellationToken cancellationToken)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int n = request.Parameters.A.Rows;
        if ((_states as StateCache<T>)?.StateSize != n) (_states, _adjoints) = (null, null);
        var (states, adjoints) = (_states as StateCache<T>, _adjoints as StateCache<T>);
        bool warm = request.Spec.WarmStart;
        var (x0, v0) = warm ? (states?.Gather(indices), adjoints?.Gather(indices)) : (null, null);
        var result = await Task.Run(() => ShardComputation.Run(data, request, indices, x0, v0), cancellationToken);
        if (warm)
        {
            states ??= new StateCache<T>(data.Train.SampleCount, n);
            adjoints ??= new StateCache<T>(data.Train.SampleCount, n);
            states.Scatter(indices, result.States);
            adjoints.Scatter(indices, result.Adjoints);
            (_states, _adjoints) = (states, adjoints);
        }
        return result.Contribution;
    }

    /// <inheritdoc />
    public async Task<ShardEvaluation> EvaluateAsync(ShardSpec spec, ModelParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters = await transfer.FetchAsync(parameters, "model parameters", cancellationToken);
        var data = await EnsureLoadedAsync(spec, cancellationToken);
        var solver = spec.Solver ?? new SolverSettings();
        return await Task.Run(() => ShardComputation.Evaluate(data, parameters, solver), cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> HostAsync() => Task.FromResult(silo.SiloAddress.ToString());

    private async Task<ShardData> EnsureLoadedAsync(ShardSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string key = this.GetPrimaryKeyString();
        if (spec.Key != key) throw new ArgumentException($"Shard '{key}' was sent the spec of shard '{spec.Key}'.", nameof(spec));
        if (spec.Count < 1 || spec.Start < 0) throw new ArgumentException($"Shard '{key}' was given the empty range [{spec.Start}, {spec.Start + spec.Count}).", nameof(spec));
        if (_data is { } loaded && loaded.Matches(spec)) return loaded;
        bool sameSlice = _data?.SameSlice(spec) == true;
        // Reading the source again (for MNIST, parsing 47 MB of IDX) would cost the first training step ~0.5 s.
        var current = _data;
        var data = await Task.Run(() => current?.TryScale(spec) ?? ShardData.Load(spec, blobs), cancellationToken);
        LogLoaded(logger, key, spec.DataSpec, spec.Start, data.Train.SampleCount);
        if (!sameSlice) (_states, _adjoints) = (null, null);
        _data = data;
        return data;
    }

    private LoadedData LoadWhole(string dataSpec, int seed, DataRead? read)
    {
        try { return DataSource.Load(blobs.Resolve(dataSpec), (read?.ToReading() ?? new DataReading()).ToOptions(seed)); }
        catch (Exception e) when (e is ArgumentException or IOException or DataFormatException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"Cannot load data '{dataSpec}': {e.Message}");
        }
    }

    private static FeatureSums Sums(Dataset train)
    {
        var (sum, squares) = InputScaling.Sums(train);
        if (train.Task != DataTask.Regression) return new FeatureSums(train.SampleCount, sum, squares);
        var (targetSum, targetSquares) = InputScaling.TargetSums(train);
        return new FeatureSums(train.SampleCount, sum, squares, targetSum, targetSquares);
    }

    private static void CheckIndices(int[] indices, int count)
    {
        foreach (int i in indices)
            if ((uint)i >= (uint)count) throw new ArgumentException($"Sample index {i} is outside the shard's {count} samples.");
        if (indices.Length == 0) throw new ArgumentException("A step needs at least one sample.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Key} loaded {Count} samples of '{Data}' from {Start}")]
    private static partial void LogLoaded(ILogger logger, string key, string data, int start, int count);
}
