namespace Idl.Numerics.Training;

/// <summary>What one epoch did: losses, test metrics, speed and solver effort (the CLI's per-epoch JSON object).</summary>
public sealed record EpochReport
{
    public required int Epoch { get; init; }
    public required double LearningRate { get; init; }
    public required double TrainLoss { get; init; }
    public double? ValidationLoss { get; init; }
    public double? TestLoss { get; init; }

    /// <summary>Test accuracy for classification, else null.</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>Test RMSE for regression, else null.</summary>
    public double? TestRmse { get; init; }

    /// <summary>Training samples per second over the epoch's steps (evaluation excluded).</summary>
    public required double SamplesPerSecond { get; init; }
    public required double TrainSeconds { get; init; }
    public required double ForwardIterationsMean { get; init; }
    public required double BackwardIterationsMean { get; init; }

    /// <summary>Solves that stopped without converging (forward and adjoint) during the epoch.</summary>
    public required int NonConvergedSolves { get; init; }

    /// <summary>‖A‖∞ after the epoch's last projection.</summary>
    public required double InfNormA { get; init; }

    /// <summary>Where the training time went: <c>batch</c>, <c>forward</c> (solve, output, loss), <c>backward</c>
    /// (adjoint solve and gradient products), <c>update</c> (optimizer and penalties), <c>project</c>; empty when not measured.</summary>
    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>What the report follows: <c>gradient</c> (an epoch of steps) or <c>readout</c> (the least-squares
    /// read-out that ends a block-coordinate round, reported under the same epoch number with its own metrics).</summary>
    public string Phase { get; init; } = "gradient";
}
