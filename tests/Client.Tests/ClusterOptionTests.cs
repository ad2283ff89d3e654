namespace Idl.Client.Tests;

/// <summary><c>idl train --shards</c> honours every option it accepts with the single process's result, and refuses the
/// rest naming them (issue 8: --l1, --robustness and --no-bias used to be dropped silently).</summary>
public sealed class ClusterOptionTests
{
    [Theory]
    [InlineData("--trainer", "bcd")]
    [InlineData("--feedforward", "2")]
    [InlineData("--validation", "0.1")]
    [InlineData("--out", "model.idl")]
    public void Train_WithShardsAndAnOptionTheClusterLacks_IsAUsageErrorNamingIt(string option, string value)
    {
        var run = CliRun.Of("train", "--data", "digits", "--hidden", "4", "--epochs", "1", "--limit", "64", "--shards", "2", option, value, "--json");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(option, run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Train_WithShardsAndEveryHonouredOption_EndsWhereTheSingleProcessEnds()
    {
        string[] options = ["train", "--data", "digits", "--hidden", "8", "--epochs", "2", "--limit", "300", "--batch", "40", "--seed", "3",
            "--optimizer", "sgd", "--momentum", "0.5", "--lr", "0.05", "--schedule", "cosine", "--l1", "1e-4", "--feature-selection", "1e-3",
            "--robustness", "1e-3", "--no-bias", "--warm-start", "--json"];
        var single = CliRun.Of(options);
        var cluster = CliRun.Of([.. options, "--shards", "1"]);
        Assert.True(single.ExitCode == 0, single.Stderr);
        Assert.True(cluster.ExitCode == 0, cluster.Stderr);
        var (s, c) = (single.JsonLines()[^1], cluster.JsonLines()[^1]);
        foreach (string key in new[] { "train_loss", "test_loss", "test_accuracy", "inf_norm_A" })
            Assert.True(Math.Abs((double)s[key]! - (double)c[key]!) <= 1e-6 * Math.Max(1, Math.Abs((double)s[key]!)),
                $"{key}: single process {s[key]}, cluster {c[key]}");
    }

    [Fact]
    public void Train_WithShardsAndAHugeLearningRate_ExitsDivergedAtOnceLikeTheSingleProcess()
    {
        string[] options = ["train", "--data", "digits", "--hidden", "4", "--epochs", "1", "--limit", "128", "--lr", "1e300", "--json"];
        var single = CliRun.Of(options);
        var cluster = CliRun.Of([.. options, "--shards", "2"]);
        Assert.Equal(ExitCodes.Diverged, single.ExitCode);
        Assert.Equal(ExitCodes.Diverged, cluster.ExitCode);
        Assert.Contains("diverged at epoch 1, step 1", cluster.Stderr);
        Assert.Contains("--lr", cluster.Stderr);
        // The coordinator fails the run at once instead of retrying a step that can only fail again.
        Assert.DoesNotContain("failed 30 times", cluster.Stderr);
    }
}
