namespace Idl.Numerics.Data.Preparation;

/// <summary>
/// How a training run turns loaded data into its splits: the source's test part or a <see cref="HoldOut"/> of the
/// training part, an optional validation split, input scaling fitted on the training split, and standardised
/// regression targets. The single process calls <see cref="Prepare"/>; the cluster applies the same rules per shard
/// (held-out samples by the same per-sample rule, scalings from the same sums), so both train on the same samples.
/// </summary>
public static class DataPreparation
{
    /// <summary>Prepares <paramref name="loaded"/> for training.</summary>
    /// <param name="loaded">What the data specification yielded.</param>
    /// <param name="dataSpec">The specification (it selects the <c>auto</c> input scaling).</param>
    /// <param name="standardize">Input scaling mode (<see cref="Data.InputScaling.Modes"/>); <c>none</c> also leaves targets unscaled.</param>
    /// <param name="validationFraction">Share of the training split held out for validation, in [0, 1).</param>
    /// <param name="seed">Seed of the validation split and the hold-out.</param>
    /// <param name="holdOut">Share held out as the test part when the source has none.</param>
    /// <exception cref="ArgumentException">A mode or fraction is invalid, or nothing is left to train on.</exception>
    public static PreparedData Prepare(LoadedData loaded, string dataSpec, string standardize, double validationFraction, int seed,
        double holdOut = HoldOut.DefaultFraction)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var (train, test) = loaded.Test is { } t ? (loaded.Train, t) : HoldOut.Split(loaded.Train, seed, holdOut);
        Dataset? validation = null;
        if (validationFraction > 0)
        {
            var v = DatasetSplits.Create(train, validationFraction, 0, seed);
            (train, validation) = (v.Train, v.Validation);
        }
        if (train.SampleCount == 0) throw new ArgumentException($"Data set '{loaded.Train.Name}' leaves no sample to train on.");
        var input = InputScaling.Fit(standardize, dataSpec, train);
        Standardization? targets = null;
        if (train.Task == DataTask.Regression && standardize != "none")
        {
            var (sum, squares) = InputScaling.TargetSums(train);
            targets = InputScaling.TargetsFromSums(sum, squares, train.SampleCount);
        }
        return new PreparedData(Scale(train, input, targets)!, Scale(validation, input, targets), Scale(test.SampleCount > 0 ? test : null, input, targets),
            input, targets);
    }

    /// <summary><paramref name="data"/> with <paramref name="input"/> applied to its inputs and <paramref name="targets"/> to its targets.</summary>
    public static Dataset? Scale(Dataset? data, Standardization? input, Standardization? targets)
    {
        if (data is null) return null;
        if (input is not null) data = input.ApplyToFeatures(data);
        if (targets is not null) data = targets.ApplyToTargets(data);
        return data;
    }
}
