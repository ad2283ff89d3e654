namespace Idl.Grains.Contracts;

/// <summary>
/// One point of a run's step curve: the mean over <see cref="Steps"/> consecutive steps ending at <see cref="Step"/>
/// (one step until the history is compacted, see <c>MetricHistory</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("idl.StepPoint")]
public sealed record StepPoint(
    [property: Id(0)] long Step,
    [property: Id(1)] int Steps,
    [property: Id(2)] double Loss,
    [property: Id(3)] double ForwardIterations,
    [property: Id(4)] double BackwardIterations,
    [property: Id(5)] double InfNormA,
    [property: Id(6)] long Samples,
    [property: Id(7)] double Seconds,
    [property: Id(8)] DateTime Utc,
    [property: Id(9)] double ComputeSeconds = 0,
    [property: Id(10)] double CollectSeconds = 0,
    [property: Id(11)] double UpdateSeconds = 0)
{
    // The phase split of Seconds (summed over the steps of the point): ComputeSeconds is a shard's mean time in the
    // training step itself, CollectSeconds the coordinator's wait from sending the parameters until every contribution
    // was in (compute, transfers and stage sums), UpdateSeconds its aggregate, update and projection. What is left of
    // Seconds is packing and bookkeeping.

    /// <summary>Training samples per second of compute over the steps of this point.</summary>
    public double SamplesPerSecond => Seconds > 0 ? Samples / Seconds : 0;

    /// <summary>The point standing for this one followed by <paramref name="next"/>: losses and iteration counts
    /// weighted by steps (so the mean over the run is unchanged), samples and seconds summed.</summary>
    public StepPoint Merge(StepPoint next)
    {
        int steps = Steps + next.Steps;
        double Mean(double a, double b) => (a * Steps + b * next.Steps) / steps;
        return new StepPoint(next.Step, steps, Mean(Loss, next.Loss), Mean(ForwardIterations, next.ForwardIterations),
            Mean(BackwardIterations, next.BackwardIterations), next.InfNormA, Samples + next.Samples, Seconds + next.Seconds, next.Utc,
            ComputeSeconds + next.ComputeSeconds, CollectSeconds + next.CollectSeconds, UpdateSeconds + next.UpdateSeconds);
    }
}
