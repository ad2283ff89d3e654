using System.Globalization;

namespace Idl.Numerics.Training;

/// <summary>The learning rate as a function of the epoch: constant, step decay, or cosine annealing.</summary>
public sealed record LearningRateSchedule(string Kind, int StepEpochs = 1, double Gamma = 1.0)
{
    /// <summary>η for every epoch.</summary>
    public static LearningRateSchedule Constant { get; } = new("constant");

    /// <summary>η·γ^⌊(e−1)/k⌋.</summary>
    public static LearningRateSchedule Step(int everyEpochs, double gamma) => new("step", everyEpochs, gamma);

    /// <summary>½η(1 + cos(π(e−1)/E)).</summary>
    public static LearningRateSchedule Cosine { get; } = new("cosine");

    /// <summary>The rate of 1-based epoch <paramref name="epoch"/> out of <paramref name="epochs"/>.</summary>
    public double Rate(double baseRate, int epoch, int epochs) => Kind switch
    {
        "step" => baseRate * Math.Pow(Gamma, (epoch - 1) / Math.Max(StepEpochs, 1)),
        "cosine" => 0.5 * baseRate * (1 + Math.Cos(Math.PI * (epoch - 1) / Math.Max(epochs, 1))),
        _ => baseRate,
    };

    /// <summary>Parses <c>constant</c>, <c>cosine</c> or <c>step:K:GAMMA</c>.</summary>
    /// <exception cref="FormatException">Any other text; the message lists the accepted forms.</exception>
    public static LearningRateSchedule Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':');
        if (parts is ["constant"]) return Constant;
        if (parts is ["cosine"]) return Cosine;
        if (parts is ["step", var k, var g]
            && int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out int every) && every >= 1
            && double.TryParse(g, NumberStyles.Float, CultureInfo.InvariantCulture, out double gamma) && gamma > 0)
            return Step(every, gamma);
        throw new FormatException($"Unknown learning-rate schedule '{text}'; expected constant, cosine or step:EPOCHS:GAMMA (e.g. step:2:0.5).");
    }

    /// <inheritdoc />
    public override string ToString() => Kind == "step"
        ? string.Create(CultureInfo.InvariantCulture, $"step:{StepEpochs}:{Gamma}") : Kind;
}
