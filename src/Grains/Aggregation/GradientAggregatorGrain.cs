using Idl.Grains.Contracts;
using Idl.Grains.Options;
using Idl.Grains.Shards;
using Idl.Grains.Telemetry;
using Idl.Grains.Transfer;
using Microsoft.Extensions.Options;

namespace Idl.Grains.Aggregation;

/// <summary>
/// One stage of a run's aggregation tree. A regular grain, not a stateless worker, and placed like its first shard
/// (<see cref="ShardPlacement"/> reads the index at the end of its key): a stateless worker would always activate on
/// the calling silo, so every shard's contribution would still cross to the coordinator's silo, and its several
/// activations could not keep one answer per (run, incarnation, step, node) for retries. With strided children most of
/// a stage's shards share its silo, their contributions reach it without a copy, and one partial sum leaves it.
/// </summary>
[ShardPlacement]
public sealed class GradientAggregatorGrain(PayloadTransfer transfer, IOptions<TrainingClusterOptions> options) : Grain, IGradientAggregatorGrain
{
    private readonly SortedDictionary<int, ShardContribution> _pending = [];
    private readonly PayloadOutbox _outbox = new(transfer);
    private (int Incarnation, long Step) _pendingFor = (-1, -1), _lastFor = (-1, -1);
    private ShardContribution? _last;

    /// <inheritdoc />
    public async Task<ShardContribution> AggregateAsync(AggregateRequest request, CancellationToken cancellationToken = default)
    {
        string runId = Validate(request);
        var id = (request.Incarnation, request.Step);
        if (_last is { } last && _lastFor == id) return last;
        if (_pendingFor != id)
        {
            _pending.Clear();
            _pendingFor = id;
        }
        // Large parameters are pulled here once and offered again from this silo, where most of this stage's shards
        // read them in place: the coordinator's silo sends them once per stage instead of once per shard.
        var parameters = await transfer.FetchAsync(request.Parameters, "model parameters", cancellationToken);
        var (sent, lease) = transfer.Offer(parameters, "model parameters");
        var work = request.Shards.ToDictionary(w => w.Spec.ShardIndex);
        using (lease)
            await new StageCollector(GrainFactory, transfer, runId, request.FanIn)
                .CollectAsync(request.Node, work, request.Step, sent, request.Incarnation, _pending, options.Value.ShardCallTimeout, cancellationToken);
        ShardContribution sum;
        using (var activity = TrainingTelemetry.Source.StartActivity("aggregate"))
        {
            activity?.SetTag(TrainingTelemetry.Tags.Step, request.Step).SetTag(TrainingTelemetry.Tags.Stage, request.Node.Level)
                .SetTag(TrainingTelemetry.Tags.Shard, request.Node.First).SetTag(TrainingTelemetry.Tags.Shards, request.Shards.Length);
            sum = PartialSum.Of(_pending.Values.ToList(), request.Node.First, request.Step);
        }
        (_last, _lastFor) = (_outbox.Send(sum, "partial gradient sum"), id);
        _pending.Clear();
        return _last;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _outbox.Dispose();
        return Task.CompletedTask;
    }

    private string Validate(AggregateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Shards is not { Length: > 0 }) throw new ArgumentException("An aggregation stage needs at least one shard's work.", nameof(request));
        if (request.FanIn < 2) throw new ArgumentException($"The fan-in is {request.FanIn}; it must be at least 2.", nameof(request));
        string runId = request.Shards[0].Spec.RunId, key = this.GetPrimaryKeyString();
        if (request.Node.KeyOf(runId) != key) throw new ArgumentException($"Aggregator '{key}' was sent node '{request.Node.KeyOf(runId)}'.", nameof(request));
        var mine = request.Node.Shards.ToHashSet();
        foreach (var w in request.Shards)
            if (w.Spec.RunId != runId || !mine.Contains(w.Spec.ShardIndex))
                throw new ArgumentException($"Shard {w.Spec.ShardIndex} of run '{w.Spec.RunId}' is not in aggregator '{key}'.", nameof(request));
        return runId;
    }
}
