using Idl.Client.Commands;
using Idl.Numerics;
using Idl.Numerics.Training;

namespace Idl.Client.Tests;

/// <summary>The memory preflight of <c>idl train</c>: every large allocation counted with the options that drive it,
/// and a run that cannot fit refused (exit 2) before its data is loaded.</summary>
public sealed class TrainMemoryTests
{
    [Fact]
    public void Estimate_AdamFloat64WarmStartPatienceOnDigits_CountsEveryLargeAllocation()
    {
        var s = Settings(100, Precision.Float64, new TrainingOptions { BatchSize = 64, Optimizer = OptimizerKind.Adam, WarmStart = true, EarlyStoppingPatience = 3 }, limit: 1000);

        var items = TrainMemory.Estimate(s, DataShape.Peek("digits", s.Limit));

        // Five parameter copies, two Adam moments, one best model for --patience; 8-byte elements.
        const double copies = TrainMemory.ParameterCopies + 2 + 1;
        Assert.Equal(copies * 100 * 100 * 8, Bytes(items, "A (100x100)"));
        Assert.Equal(copies * (100 * 64 + 10 * 100 + 10 * 64) * 8, Bytes(items, "B, C, D"));
        Assert.Equal((1000 + 1797) * (64 + 10) * 4.0, Bytes(items, "the data"));
        Assert.Equal(TrainMemory.StateMatrices * 100 * TrainMemory.EvaluationBatch * 8.0, Bytes(items, "state matrices"));
        Assert.Equal(2 * 1000 * 100 * 8.0, Bytes(items, "warm-start"));
        Assert.Equal(["--warm-start", "--hidden", "--limit"], items.Single(i => i.What.Contains("warm-start", StringComparison.Ordinal)).Options);
    }

    [Fact]
    public void Estimate_SgdWithoutWarmStartOnALibSvmFile_LeavesOutWhatOnlyLoadingTells()
    {
        string file = Path.Combine(Path.GetTempPath(), $"idl-mem-{Guid.NewGuid():N}.svm");
        File.WriteAllText(file, "1 1:0.5 7:1\n0 2:1\n");
        try
        {
            var items = TrainMemory.Estimate(Settings(10, Precision.Float32, new TrainingOptions { Optimizer = OptimizerKind.Sgd }), DataShape.Peek("libsvm:" + file, null));

            Assert.Equal((TrainMemory.ParameterCopies + 1) * 100 * 4.0, Bytes(items, "A (10x10)"));
            Assert.DoesNotContain(items, i => i.What.StartsWith("B, C, D", StringComparison.Ordinal) || i.What.StartsWith("the data", StringComparison.Ordinal));
            Assert.DoesNotContain(items, i => i.What.Contains("warm-start", StringComparison.Ordinal));
        }
        finally { File.Delete(file); }
    }

    [Theory]
    [InlineData(40_000, 16L << 30, true)]
    [InlineData(40_000, 64L << 40, false)]
    [InlineData(4_096, 1L << 30, false)]
    [InlineData(4_096, 256L << 20, true)]
    public void CheckMemory_HiddenSize_RefusedOnlyWhenItCannotFit(int hidden, long available, bool refused)
    {
        var s = Settings(hidden, Precision.Float32, new TrainingOptions());

        var e = Record.Exception(() => TrainPreflight.CheckMemory(s, DataShape.Peek("digits", null), "digits", available));

        Assert.Equal(refused, e is UsageException);
        if (refused) Assert.StartsWith($"--hidden {hidden}: the run needs about", e!.Message);
    }

    /// <summary>An embedded silo (--shards) keeps about 21 more copies of the parameters (measured; see
    /// TrainMemory.EmbeddedSiloCopies): n = 4096 fits in 1 GiB in one process but not on the embedded silo.</summary>
    [Fact]
    public void CheckMemory_EmbeddedSilo_CountsItsCopiesOfTheParameters()
    {
        var s = Settings(4_096, Precision.Float32, new TrainingOptions());

        TrainPreflight.CheckMemory(s, DataShape.Peek("digits", null), "digits", 1L << 30);
        var e = Assert.Throws<UsageException>(() => TrainPreflight.CheckMemory(s, DataShape.Peek("digits", null), "digits", 1L << 30, embeddedSilo: true));

        Assert.StartsWith("--hidden 4096: the run needs about", e.Message);
        Assert.Contains("embedded silo", e.Message);
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(2_000_000_000)]
    public void CheckArraySize_AMatrixLargerThanAnArray_NamesTheLargestHidden(int hidden)
    {
        var e = Assert.Throws<UsageException>(() => TrainPreflight.CheckArraySize(hidden));
        Assert.Contains($"--hidden {hidden}", e.Message);
        Assert.Contains("the largest --hidden is", e.Message);
    }

    [Fact]
    public void CheckMemory_DataLargerThanTheRest_NamesLimitTheBytesNeededAndAvailable()
    {
        var s = Settings(16, Precision.Float32, new TrainingOptions());

        var e = Assert.Throws<UsageException>(() => TrainPreflight.CheckMemory(s, DataShape.Peek("mnist:/data/mnist", null), "mnist:/data/mnist", 100L << 20));

        Assert.StartsWith("--limit (all samples): the run needs about 213.0 MiB", e.Message);
        Assert.Contains("MiB but 100.0 MiB of memory are available", e.Message);
        Assert.Contains("the data (60000 training and 10000 test samples of 784 features, float32) 212.0 MiB (--limit, --data)", e.Message);
        Assert.EndsWith("lower --limit or --data", e.Message);
    }

    /// <summary>The whole CLI under a 128 MiB heap limit: all of MNIST is refused with exit 2 before the folder is
    /// even looked at (it does not exist), and 1000 samples pass the check and reach the loader, which reports the
    /// missing folder.</summary>
    [Fact]
    public async Task Train_UnderAHeapLimit_RefusesAllOfMnistBeforeLoadingAndLetsALimitThrough()
    {
        var limit = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x8000000" };
        string missing = Path.Combine(Path.GetTempPath(), $"idl-no-mnist-{Guid.NewGuid():N}");

        var all = await CliProcess.RunAsync(Path.GetTempPath(), limit, null, "train", "--data", "mnist:" + missing, "--hidden", "16", "--epochs", "1");
        var some = await CliProcess.RunAsync(Path.GetTempPath(), limit, null, "train", "--data", "mnist:" + missing, "--hidden", "16", "--epochs", "1", "--limit", "1000");

        Assert.True(all.ExitCode == ExitCodes.UsageError, all.Stderr);
        Assert.Contains("but 128.0 MiB of memory are available", all.Stderr);
        Assert.DoesNotContain("MNIST", all.Stderr);
        Assert.True(some.ExitCode == ExitCodes.DataError, some.Stderr);
        Assert.Contains(missing, some.Stderr);
    }

    private static double Bytes(IReadOnlyList<TrainMemory.Item> items, string what) =>
        items.Single(i => i.What.Contains(what, StringComparison.Ordinal)).Bytes;

    private static TrainSettings Settings(int hidden, Precision precision, TrainingOptions training, int? limit = null) =>
        new(training, "sgd", hidden, "relu", precision, Seed: 0, limit, ValidationFraction: 0, Standardize: "auto", FeedForwardLayers: null,
            BcdRounds: 1, Ridge: 0, Bias: true, OutPath: null);
}
