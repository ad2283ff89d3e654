using Idl.Numerics.Training;

namespace Idl.Numerics.Tests.Training;

public sealed class DivergenceCheckTests
{
    [Fact]
    public void ThrowIfDiverged_FiniteLossAndParameters_DoesNotThrow()
    {
        var model = TestSupport.Models.Random<float>(4, 2, 2, seed: 1, bias: true);
        DivergenceCheck.ThrowIfDiverged(0.5, model, epoch: 1, step: 1);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ThrowIfDiverged_NonFiniteLoss_ThrowsNamingEpochAndStep(double loss)
    {
        var model = TestSupport.Models.Random<float>(4, 2, 2, seed: 1);
        var e = Assert.Throws<TrainingDivergedException>(() => DivergenceCheck.ThrowIfDiverged(loss, model, epoch: 3, step: 41));
        Assert.Equal(3, e.Epoch);
        Assert.Equal(41, e.Step);
        Assert.Contains("--lr", e.Message);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("D")]
    [InlineData("c")]
    public void ThrowIfDiverged_NonFiniteParameter_ThrowsNamingIt(string block)
    {
        var model = TestSupport.Models.Random<double>(4, 2, 2, seed: 2, bias: true);
        switch (block)
        {
            case "A": model.A.Data[5] = double.PositiveInfinity; break;
            case "D": model.D.Data[0] = double.NaN; break;
            default: model.OutputBias![1] = double.NegativeInfinity; break;
        }
        var e = Assert.Throws<TrainingDivergedException>(() => DivergenceCheck.ThrowIfDiverged(1.0, model, epoch: 1, step: 7));
        Assert.Contains($"{block} holds", e.Message);
    }
}
