using Idl.Numerics;
using Idl.Numerics.Training;

namespace Idl.Client.Commands;

/// <summary>The validated settings of one <c>idl train</c> run.</summary>
internal sealed record TrainSettings(
    TrainingOptions Training,
    string Trainer,
    int Hidden,
    string Activation,
    Precision Precision,
    int Seed,
    int? Limit,
    double ValidationFraction,
    string Standardize,
    int? FeedForwardLayers,
    int BcdRounds,
    double Ridge,
    bool Bias,
    string? OutPath);
