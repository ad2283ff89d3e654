using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Idl.Grains.Telemetry;

/// <summary>
/// The ActivitySource and Meter "Idl.Training". Spans: epoch → step → (shard.forward, shard.adjoint on the shards;
/// one aggregate per aggregation stage when the shards are many) → aggregate → project → checkpoint, and
/// transfer.fetch wherever a matrix is pulled in chunks; each with the attributes named in <see cref="Tags"/>.
/// </summary>
public static class TrainingTelemetry
{
    /// <summary>The source and meter name.</summary>
    public const string Name = "Idl.Training";

    /// <summary>Spans of training.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Metrics of training.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Mean training loss per step.</summary>
    public static readonly Histogram<double> StepLoss = Meter.CreateHistogram<double>("idl.step.loss");

    /// <summary>Wall time of one step.</summary>
    public static readonly Histogram<double> StepSeconds = Meter.CreateHistogram<double>("idl.step.duration", "s");

    /// <summary>Forward solver iterations per shard step.</summary>
    public static readonly Histogram<int> SolverIterations = Meter.CreateHistogram<int>("idl.solver.iterations");

    /// <summary>Samples processed.</summary>
    public static readonly Counter<long> Samples = Meter.CreateCounter<long>("idl.samples");

    /// <summary>Test accuracy at the end of an epoch.</summary>
    public static readonly Histogram<double> EpochAccuracy = Meter.CreateHistogram<double>("idl.epoch.accuracy");

    /// <summary>Attribute names.</summary>
    public static class Tags
    {
        public const string RunId = "idl.run_id";
        public const string Epoch = "idl.epoch";
        public const string Step = "idl.step";
        public const string Shard = "idl.shard";
        public const string Samples = "idl.samples";
        public const string Iterations = "idl.solver.iterations";
        public const string Residual = "idl.solver.residual";
        public const string InfNormBefore = "idl.a.inf_norm_before";
        public const string InfNormAfter = "idl.a.inf_norm_after";
        public const string Bytes = "idl.bytes";
        public const string Stage = "idl.stage";
        public const string Shards = "idl.shards";
        public const string Chunks = "idl.chunks";
    }
}
