using Idl.Numerics.Data;

namespace Idl.Numerics.Tests.Data;

/// <summary>Assertions shared by the data tests.</summary>
internal static class DataAssert
{
    /// <summary>Asserts <paramref name="load"/> throws a <see cref="DataFormatException"/> whose message names the
    /// file, the location (line or byte offset) and contains <paramref name="problem"/>.</summary>
    public static DataFormatException Throws(Func<object> load, string file, string location, string problem)
    {
        var e = Assert.Throws<DataFormatException>(load);
        Assert.Contains(Path.GetFileName(file), e.Message);
        Assert.Contains(location, e.Message);
        Assert.Contains(problem, e.Message, StringComparison.OrdinalIgnoreCase);
        return e;
    }

    /// <summary>Same samples, same order, bit-identical values.</summary>
    public static void SameSamples(Dataset expected, Dataset actual)
    {
        Assert.Equal(expected.SampleCount, actual.SampleCount);
        Assert.Equal(expected.FeatureCount, actual.FeatureCount);
        Assert.Equal(expected.Task, actual.Task);
        Assert.Equal(expected.OutputCount, actual.OutputCount);
        Assert.True(expected.Inputs.SequenceEqual(actual.Inputs), "inputs differ");
        if (expected.Task == DataTask.Classification) Assert.True(expected.Labels.SequenceEqual(actual.Labels), "labels differ");
        else Assert.True(expected.Targets.SequenceEqual(actual.Targets), "targets differ");
    }
}
