namespace Idl.Numerics.Data;

/// <summary>A train/validation/test partition of one data set, with the original indices of each part.</summary>
/// <param name="Train">Training samples.</param>
/// <param name="Validation">Validation samples (possibly empty).</param>
/// <param name="Test">Test samples (possibly empty).</param>
/// <param name="TrainIndices">Indices into the source data set, in the order of <paramref name="Train"/>.</param>
/// <param name="ValidationIndices">Indices of <paramref name="Validation"/>.</param>
/// <param name="TestIndices">Indices of <paramref name="Test"/>.</param>
public sealed record DatasetSplits(
    Dataset Train, Dataset Validation, Dataset Test, int[] TrainIndices, int[] ValidationIndices, int[] TestIndices)
{
    /// <summary>
    /// Shuffles the samples with <paramref name="seed"/> and cuts them into test, validation and train parts;
    /// the part sizes are ⌊fraction·m⌉ for validation and test, the rest for training.
    /// </summary>
    /// <param name="validationFraction">In [0, 1).</param>
    /// <param name="testFraction">In [0, 1); the two fractions must leave at least one training sample.</param>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is out of range or nothing is left to train on.</exception>
    public static DatasetSplits Create(Dataset data, double validationFraction, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFraction(validationFraction, nameof(validationFraction));
        CheckFraction(testFraction, nameof(testFraction));
        int m = data.SampleCount;
        int nTest = (int)Math.Round(testFraction * m, MidpointRounding.AwayFromZero);
        int nVal = (int)Math.Round(validationFraction * m, MidpointRounding.AwayFromZero);
        if (nTest + nVal >= m)
            throw new ArgumentOutOfRangeException(nameof(validationFraction), Dataset.Invariant(
                $"Validation {validationFraction} and test {testFraction} of {m} samples leave none for training."));
        var perm = SeededRandom.For(seed, stream: 0x5EED).Permutation(m);
        var test = perm[..nTest];
        var val = perm[nTest..(nTest + nVal)];
        var train = perm[(nTest + nVal)..];
        return new DatasetSplits(
            data.Subset(train, data.Name + "/train"), data.Subset(val, data.Name + "/validation"),
            data.Subset(test, data.Name + "/test"), train, val, test);
    }

    private static void CheckFraction(double f, string name)
    {
        if (!(f >= 0 && f < 1))
            throw new ArgumentOutOfRangeException(name, Dataset.Invariant($"{name} is {f} but must be in [0, 1)."));
    }
}
