using Idl.Grains.Contracts;
using Idl.Numerics.Data;

namespace Idl.Client.Commands;

/// <summary>
/// The one mapping from <c>idl train</c>'s settings to a cluster run: every option the cluster honours travels in the
/// typed <see cref="RunSpec"/> (and comes back as the same <c>TrainingOptions</c> through
/// <see cref="RunSpecTraining.Options"/>); every other one is refused here, naming it, instead of being dropped.
/// </summary>
internal static class ClusterRunSpec
{
    /// <summary>The run for <paramref name="settings"/> on <paramref name="shards"/> shards.</summary>
    /// <exception cref="UsageException">An option is set that a cluster run does not support.</exception>
    public static RunSpec From(TrainSettings settings, string dataSpec, DataReading reading, int shards, int checkpointInterval)
    {
        var t = settings.Training;
        if (settings.Trainer != "sgd") throw UsageException.For("--trainer", settings.Trainer, "is not supported with --shards/--cluster: only sgd (projected gradient) runs on a cluster");
        if (settings.FeedForwardLayers is { } layers) throw UsageException.For("--feedforward", layers, "is not supported with --shards/--cluster");
        if (settings.ValidationFraction > 0) throw UsageException.For("--validation", settings.ValidationFraction, "is not supported with --shards/--cluster: the cluster evaluates on the test part");
        if (t.EarlyStoppingPatience is { } patience) throw UsageException.For("--patience", patience, "is not supported with --shards/--cluster");
        if (settings.OutPath is { } path) throw UsageException.For("--out", path, "is not supported with --shards/--cluster yet: the run's parameters stay in the cluster (idl runs status)");
        return new RunSpec
        {
            DataSpec = dataSpec, Hidden = settings.Hidden, Epochs = t.Epochs, BatchSize = t.BatchSize, LearningRate = t.LearningRate, Kappa = t.Kappa,
            Seed = settings.Seed, Shards = shards, Activation = settings.Activation, Standardize = settings.Standardize, Limit = settings.Limit,
            Solver = SolverSettings.From(t.Solver, t.Forward),
            CheckpointInterval = checkpointInterval, WarmStart = t.WarmStart, Precision = settings.Precision,
            Optimizer = t.Optimizer, Momentum = t.Momentum, Schedule = t.Schedule.ToString(),
            L1 = t.Penalties.L1, FeatureSelection = t.Penalties.FeatureSelection, Robustness = t.Penalties.Robustness, Bias = settings.Bias,
            Read = reading == new DataReading() ? null : DataRead.From(reading),
        };
    }
}
