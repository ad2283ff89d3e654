using System.Text.Json.Nodes;

namespace Idl.Client.Tests;

/// <summary>One small ReLU model trained on the built-in digits, shared by the analyze/attack/compress tests.</summary>
public sealed class TrainedDigitsModel : IDisposable
{
    public TrainedDigitsModel()
    {
        Folder = Directory.CreateTempSubdirectory("idl-robust-").FullName;
        Path = System.IO.Path.Combine(Folder, "m.idl");
        var run = CliRun.Of("train", "--hidden", "20", "--epochs", "6", "--out", Path);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
    }

    public string Folder { get; }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

public sealed class RobustnessCommandsTests(TrainedDigitsModel trained) : IClassFixture<TrainedDigitsModel>
{
    private string Temp(string name) => Path.Combine(trained.Folder, $"{Guid.NewGuid():N}-{name}");

    [Fact]
    public void Analyze_TrainedModel_ReportsBoundsAndWritesCsvAndHeatmap()
    {
        string csv = Temp("s.csv"), png = Temp("s.png");
        var run = CliRun.Of("analyze", "--model", trained.Path, "--sigma", "0.05", "--csv", csv, "--heatmap", png, "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var o = run.JsonLines()[0];
        Assert.True((double)o["lipschitz_rho"]! > 0);
        var bounds = o["state_bounds"]!.AsObject();
        // Theorem 4.1 is componentwise and never looser than the ℓ∞ bound of eq. 4.3.
        Assert.True((double)bounds["theorem_4_1_max"]! <= (double)bounds["eq_4_3_4_4"]! + 1e-9);
        var rows = File.ReadAllLines(csv);
        Assert.Equal(10, rows.Length);
        Assert.All(rows, r => Assert.Equal(64, r.Split(',').Length));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(png)[..4]);
    }

    [Fact]
    public void Analyze_WithData_CertifiesFewerPredictionsAsTheBoxGrows()
    {
        double Certified(string sigma)
        {
            var run = CliRun.Of("analyze", "--model", trained.Path, "--sigma", sigma, "--data", "digits", "--json");
            Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
            var c = run.JsonLines()[0]["certified"]!.AsObject();
            Assert.Equal(1797, (int)c["samples"]!);
            Assert.True((double)c["certified_accuracy"]! <= (double)c["accuracy"]! && (double)c["certified_accuracy"]! <= (double)c["certified_fraction"]!);
            return (double)c["certified_fraction"]!;
        }
        double none = Certified("0"), small = Certified("0.001"), large = Certified("1");
        Assert.Equal(1.0, none);
        Assert.True(small <= none && large <= small && large < 1, $"certified {none} / {small} / {large}");
    }

    [Fact]
    public void Analyze_NegativeSigma_ExitsUsageErrorNamingTheOption()
    {
        var run = CliRun.Of("analyze", "--model", trained.Path, "--sigma", "-1");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--sigma -1", run.Stderr);
    }

    [Theory]
    [InlineData("sensitivity", null, "outputs")]
    [InlineData("sensitivity", "label", "label")]
    [InlineData("gradient", null, "label")]
    [InlineData("gradient", "loss", "loss")]
    public void Attack_Saliency_OneRowPerFractionAndMarkedImages(string method, string? target, string reported)
    {
        string images = Temp("img");
        string[] args = ["attack", "--model", trained.Path, "--method", method, "--fraction", "0.05,1", "--limit", "300", "--images", images, "--json"];
        var run = CliRun.Of(target is null ? args : [.. args, "--target", target]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var rows = run.JsonLines();
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Equal(reported, (string)r["target"]!));
        Assert.Equal(3, (int)rows[0]["perturbed_inputs"]!);
        Assert.Equal(300, (int)rows[1]["samples"]!);
        // Every pixel replaced by noise must break most of a digits model's correct answers.
        Assert.True((double)rows[1]["success_rate"]! > 0.5, rows[1].ToJsonString());
        Assert.True(Directory.GetFiles(images, "*.png").Length >= 3);
    }

    [Fact]
    public void Attack_DenseWithRawEpsilon_SameAttackAsItsModelUnitEpsilon()
    {
        string images = Temp("dense");
        string[] args = ["attack", "--model", trained.Path, "--method", "gradient", "--perturbation", "dense", "--fraction", "0.1", "--limit", "100", "--json"];
        var run = CliRun.Of([.. args, "--epsilon", "0.3", "--epsilon-units", "raw", "--images", images]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var raw = run.JsonLines()[0];
        Assert.Equal(0.3, (double)raw["epsilon_raw"]!, 9);
        // The digits' pixels lie in [0, 1] with one σ below 1, so a raw step is a larger model step.
        double model = (double)raw["epsilon"]!;
        Assert.True(model > 0.3, $"model ε {model}");
        // ±ε out of a pixel already at 0 or at its top is clipped to no move, so fewer inputs move than are chosen.
        Assert.InRange((double)raw["moved_inputs_mean"]!, 1.0, 6.0);
        Assert.NotEmpty(Directory.GetFiles(images, "gradient-label-dense-eps0.3-0.1-*.png"));
        var same = CliRun.Of([.. args, "--epsilon", model.ToString("R", System.Globalization.CultureInfo.InvariantCulture)]).JsonLines()[0];
        Assert.Equal((int)raw["flipped"]!, (int)same["flipped"]!);
        Assert.Equal(0.3, (double)same["epsilon_raw"]!, 9);
    }

    [Fact]
    public void Attack_RawEpsilonOnPerFeatureScaling_ExitsUsageErrorNamingTheOption()
    {
        string path = Temp("features.idl");
        var train = CliRun.Of("train", "--hidden", "8", "--epochs", "1", "--standardize", "features", "--out", path);
        Assert.True(train.ExitCode == ExitCodes.Success, train.Stderr);
        var run = CliRun.Of("attack", "--model", path, "--method", "sensitivity", "--perturbation", "dense", "--epsilon-units", "raw", "--limit", "10");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--epsilon-units raw", run.Stderr);
    }

    [Fact]
    public void Attack_Lp_FlipsSomeCorrectSamples()
    {
        var run = CliRun.Of("attack", "--model", trained.Path, "--method", "lp", "--epsilon", "0.5", "--limit", "15", "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var o = run.JsonLines()[0];
        Assert.True((int)o["flipped"]! > 0 && (int)o["flipped"]! <= (int)o["clean_correct"]!, o.ToJsonString());
    }

    [Fact]
    public void Attack_LpOnShards_SameCountsAsInProcess()
    {
        string[] args = ["attack", "--model", trained.Path, "--method", "lp", "--epsilon", "0.4", "--limit", "12", "--json"];
        var local = CliRun.Of(args).JsonLines()[0];
        var run = CliRun.Of([.. args, "--shards", "2"]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var sharded = run.JsonLines()[0];
        Assert.Equal(2, (int)sharded["shards"]!);
        foreach (string key in new[] { "samples", "clean_correct", "flipped", "certified_against_runner_up" })
            Assert.Equal((int)local[key]!, (int)sharded[key]!);
    }

    [Fact]
    public void Attack_ShardsWithSaliency_ExitsUsageError()
    {
        var run = CliRun.Of("attack", "--model", trained.Path, "--method", "gradient", "--shards", "2");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("only the lp method", run.Stderr);
    }

    [Theory]
    [InlineData("attack", "--method", "sensitivity", "--objective", "distance", "--objective")]
    [InlineData("attack", "--method", "lp", "--perturbation", "dense", "--perturbation")]
    [InlineData("attack", "--method", "lp", "--target", "label", "--target label")]
    [InlineData("attack", "--method", "sensitivity", "--target", "loss", "--target loss")]
    [InlineData("attack", "--method", "gradient", "--target", "outputs", "--target outputs")]
    [InlineData("attack", "--method", "gradient", "--target", "logits", "--target logits")]
    [InlineData("compress", "--rank", "3", "--by", "sensitivity", "--by")]
    public void Command_OptionForAnotherMode_ExitsUsageErrorNamingIt(string command, string mode, string value, string option, string optionValue, string named)
    {
        string[] args = [command, "--model", trained.Path, mode, value, option, optionValue];
        var run = CliRun.Of(command == "compress" ? [.. args, "--out", Temp("o.idl")] : args);
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(named, run.Stderr);
    }

    [Fact]
    public void Attack_UnknownMethod_ExitsUsageError()
    {
        var run = CliRun.Of("attack", "--model", trained.Path, "--method", "fgsm");
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--method fgsm", run.Stderr);
    }

    [Fact]
    public void Compress_Rank_WritesAModelWhoseChangeTheBoundCovers()
    {
        string small = Temp("r.idl");
        var run = CliRun.Of("compress", "--model", trained.Path, "--rank", "8", "--out", small, "--bound-samples", "200", "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var b = run.JsonLines()[0]["bound"]!.AsObject();
        Assert.True((double)b["max_output_change"]! <= (double)b["max_output_bound"]!, b.ToJsonString());
        var eval = CliRun.Of("evaluate", "--model", small, "--json");
        Assert.Equal(ExitCodes.Success, eval.ExitCode);
        Assert.True((double)eval.JsonLines()[0]["accuracy"]! > 0.5);
    }

    [Fact]
    public void Compress_PruneBySensitivity_HalvesTheNonzerosOfA()
    {
        var o = CliRun.Of("compress", "--model", trained.Path, "--prune", "0.5", "--by", "sensitivity", "--out", Temp("p.idl"), "--bound-samples", "100", "--json").JsonLines()[0];
        Assert.True((int)o["nonzeros_A_after"]! <= 200);
        Assert.True((double)o["bound"]!["max_output_change"]! <= (double)o["bound"]!["max_output_bound"]!);
    }

    [Fact]
    public void Compress_DropDeadStates_KeepsTheAccuracy()
    {
        var o = CliRun.Of("compress", "--model", trained.Path, "--drop-dead-states", "--out", Temp("d.idl"), "--json").JsonLines()[0];
        Assert.Equal((double)o["before"]!["accuracy"]!, (double)o["after"]!["accuracy"]!, 9);
    }

    [Theory]
    [InlineData("--rank", "4", "low-rank")]
    [InlineData("--prune", "0.9", "sparse")]
    public void Compress_StructuredOut_SmallerFileThatInfoEvaluateAndPredictRead(string option, string value, string form)
    {
        string small = Temp("s.idl");
        var run = CliRun.Of("compress", "--model", trained.Path, option, value, "--out", small, "--bound-samples", "50", "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        var o = run.JsonLines()[0];
        Assert.Equal(form, (string)o["stored_form"]!);
        Assert.Equal(new FileInfo(trained.Path).Length, (long)o["bytes_before"]!);
        Assert.Equal(new FileInfo(small).Length, (long)o["bytes_after"]!);
        Assert.True((long)o["bytes_after"]! < (long)o["bytes_before"]!, o.ToJsonString());

        var info = CliRun.Of("info", "--model", small, "--json");
        Assert.True(info.ExitCode == ExitCodes.Success, info.Stderr);
        var i = info.JsonLines()[0];
        Assert.Equal(form, (string)i["state_matrix"]!);
        Assert.Equal(new FileInfo(small).Length, (long)i["file_bytes"]!);
        if (form == "low-rank") Assert.Equal(4, (int)i["rank"]!);
        else Assert.Equal((int)o["nonzeros_A_after"]!, (int)i["nonzeros_A"]!);

        // The file is float32 and the in-memory check float64: a sample or two may change class, no more.
        var eval = CliRun.Of("evaluate", "--model", small, "--json");
        Assert.True(eval.ExitCode == ExitCodes.Success, eval.Stderr);
        Assert.Equal((double)o["after"]!["accuracy"]!, (double)eval.JsonLines()[0]["accuracy"]!, 0.005);
        var predict = CliRun.Of("predict", "--model", small);
        Assert.True(predict.ExitCode == ExitCodes.Success, predict.Stderr);
        Assert.Equal(1 + 1797, predict.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Info_DenseModel_ReportsDenseFormAndFileSize()
    {
        var run = CliRun.Of("info", "--model", trained.Path);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Stderr);
        Assert.Contains($"A stored dense; file {new FileInfo(trained.Path).Length:N0} bytes", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compress_TwoModes_ExitsUsageError()
    {
        var run = CliRun.Of("compress", "--model", trained.Path, "--rank", "3", "--prune", "0.5", "--out", Temp("x.idl"));
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("exactly one", run.Stderr);
    }
}
