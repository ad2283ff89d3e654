using Idl.Grains.Contracts;
using Idl.Grains.Coordinator;
using Idl.Numerics.Solvers;

namespace Idl.Grains.Tests;

/// <summary>Every setting the cluster now honours is checked when a run starts, naming the option (issue 8).</summary>
public sealed class RunSpecValidatorTests
{
    public static TheoryData<string, string> Invalid() => new()
    {
        { "momentum", "--momentum" },
        { "schedule", "--schedule" },
        { "l1", "--l1" },
        { "feature-selection", "--feature-selection" },
        { "robustness", "--robustness" },
        { "hold-out", "--hold-out" },
        { "triangular", "--solver" },
        { "epochs", "--epochs" },
        { "batch", "--batch" },
        { "lr", "--lr" },
        { "kappa", "--kappa" },
        { "optimizer", "--optimizer" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_InvalidSetting_ThrowsNamingTheOption(string setting, string option)
    {
        var spec = setting switch
        {
            "momentum" => new RunSpec { Momentum = 1.5 },
            "schedule" => new RunSpec { Schedule = "sometimes" },
            "l1" => new RunSpec { L1 = -1 },
            "feature-selection" => new RunSpec { FeatureSelection = double.NaN },
            "robustness" => new RunSpec { Robustness = -0.1 },
            "hold-out" => new RunSpec { HoldOut = 1 },
            "epochs" => new RunSpec { Epochs = 0 },
            "batch" => new RunSpec { BatchSize = -3 },
            "lr" => new RunSpec { LearningRate = double.PositiveInfinity },
            "kappa" => new RunSpec { Kappa = 1 },
            "optimizer" => new RunSpec { Optimizer = (Numerics.Training.OptimizerKind)9 },
            _ => new RunSpec { Solver = new SolverSettings(SolverKind.Triangular) },
        };
        var e = Assert.Throws<ArgumentException>(() => RunSpecValidator.Validate(spec));
        Assert.Contains(option, e.Message);
    }

    /// <summary>The cluster checks the training settings with the single process's own validation, so a value one
    /// refuses the other refuses by the same rule.</summary>
    [Fact]
    public void Validate_BadLearningRate_GivesTheSingleProcessRule()
    {
        var spec = new RunSpec { LearningRate = -1 };
        var single = Assert.Throws<ArgumentOutOfRangeException>(() => new Numerics.Training.TrainingOptions { LearningRate = -1 }.Validate());
        var cluster = Assert.Throws<ArgumentException>(() => RunSpecValidator.Validate(spec));
        Assert.StartsWith("--lr: ", cluster.Message);
        Assert.Contains(single.Message.Split(" (Parameter")[0], cluster.Message);
    }

    [Fact]
    public void Options_DefaultSpec_MapsToTheSingleProcessDefaults()
    {
        var options = new RunSpec().Options();
        Assert.Equal(SolverKind.Picard, options.Solver);
        Assert.Equal(Numerics.Training.OptimizerKind.Adam, options.Optimizer);
        Assert.Equal(Numerics.Training.LearningRateSchedule.Constant, options.Schedule);
        Assert.False(options.WarmStart);
        Assert.Equal(0, options.Penalties.L1);
    }
}
