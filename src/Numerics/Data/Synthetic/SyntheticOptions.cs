namespace Idl.Numerics.Data;

/// <summary>Sizes and seed for the synthetic generators; each generator documents which fields it uses.</summary>
public sealed record SyntheticOptions
{
    /// <summary>Number of samples; null uses the generator's default for the part (train or test).</summary>
    public int? Samples { get; init; }

    /// <summary>Seed: fixes the random model and the samples. Same seed, same data, bit for bit.</summary>
    public int Seed { get; init; }

    /// <summary>Input size p (implicit, feed-forward); default 5 as in §7.2.1.</summary>
    public int Inputs { get; init; } = 5;

    /// <summary>Hidden size: n for the implicit model, the width of each layer of the feed-forward network; default 20.</summary>
    public int Hidden { get; init; } = 20;

    /// <summary>Number of hidden layers of the feed-forward network; default 2.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Output size q (implicit, feed-forward); default 2 as in §7.2.1.</summary>
    public int Outputs { get; init; } = 2;

    /// <summary>Regression (the outputs y) or classification (label = argmax of y, q classes, as in §7.2.1).</summary>
    public DataTask Task { get; init; } = DataTask.Regression;

    /// <summary>Half-width of the uniform output noise of the sine generator; default 1 (§7.1).</summary>
    public double Noise { get; init; } = 1.0;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (Samples is <= 0) throw new ArgumentOutOfRangeException(nameof(Samples), $"Samples must be positive, not {Samples}.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Layers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Outputs);
        if (!(Noise >= 0) || !double.IsFinite(Noise)) throw new ArgumentOutOfRangeException(nameof(Noise), "Noise must be finite and >= 0.");
    }
}
