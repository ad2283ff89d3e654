using Idl.Numerics.Data;
using Idl.Numerics.Tests.TestSupport;

namespace Idl.Numerics.Tests.Data;

public sealed class SyntheticTests
{
    public static TheoryData<string> Generators => ["sine", "implicit", "feedforward"];

    private static Dataset Generate(string kind, DataPart part, SyntheticOptions options) => kind switch
    {
        "sine" => SyntheticSine.Generate(part, options),
        "implicit" => SyntheticImplicit.Generate(part, options),
        _ => SyntheticFeedforward.Generate(part, options),
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public void Generate_SameSeed_BitIdentical(string kind)
    {
        var options = new SyntheticOptions { Seed = 42, Samples = 64 };
        DataAssert.SameSamples(Generate(kind, DataPart.Train, options), Generate(kind, DataPart.Train, options));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Generate_DifferentSeeds_DifferentData(string kind)
    {
        var a = Generate(kind, DataPart.Train, new SyntheticOptions { Seed = 1, Samples = 64 });
        var b = Generate(kind, DataPart.Train, new SyntheticOptions { Seed = 2, Samples = 64 });
        Assert.False(a.Inputs.SequenceEqual(b.Inputs));
        Assert.False(a.Targets.SequenceEqual(b.Targets));
    }

    [Fact]
    public void Sine_Train_PaperSizesAndNoiseBounded()
    {
        var data = SyntheticSine.Generate(DataPart.Train, new SyntheticOptions { Seed = 7 });
        Assert.Equal(200, data.SampleCount);
        for (int i = 0; i < data.SampleCount; i++)
        {
            double u = data.Inputs[i];
            Assert.InRange(u, -5, 5);
            Assert.InRange(data.Targets[i] - SyntheticSine.F(u), -1 - 1e-5, 1 + 1e-5);
        }
    }

    [Fact]
    public void Sine_Test_NoiseFreeValuesMatchF()
    {
        var data = SyntheticSine.Generate(DataPart.Test);
        Assert.Equal(1000, data.SampleCount);
        Tol.Close(-5, data.Inputs[0], 1e-6, "first grid point");
        Tol.Close(5, data.Inputs[999], 1e-6, "last grid point");
        for (int i = 0; i < data.SampleCount; i++)
            Tol.Close(SyntheticSine.F(data.Inputs[i]), data.Targets[i], 1e-5, "f(u)");
    }

    [Fact]
    public void Sine_KnownValues_MatchFormula()
    {
        Tol.Close(5, SyntheticSine.F(0), 1e-12);
        Tol.Close(-5 * Math.Exp(-0.5), SyntheticSine.F(1), 1e-12);
        Tol.Close(SyntheticSine.F(2.3), SyntheticSine.F(-2.3), 1e-12, "even function");
    }

    [Theory]
    [InlineData("implicit")]
    [InlineData("feedforward")]
    public void Generate_TrainAndTest_SameModelDifferentInputs(string kind)
    {
        var options = new SyntheticOptions { Seed = 3, Samples = 50, Task = DataTask.Classification };
        var train = Generate(kind, DataPart.Train, options);
        var test = Generate(kind, DataPart.Test, options);
        Assert.False(train.Inputs.SequenceEqual(test.Inputs));
        Assert.Equal(2, train.ClassCount);
        Assert.Equal(5, train.FeatureCount);
    }

    [Fact]
    public void ImplicitScaleRows_RandomMatrix_InfinityNormAtMostHalf()
    {
        var a = Rand.Matrix<double>(30, 30, seed: 11, scale: 3).Data;
        SyntheticImplicit.ScaleRows(a, 30);
        for (int i = 0; i < 30; i++)
            Assert.True(a.AsSpan(i * 30, 30).ToArray().Sum(Math.Abs) <= 0.5 + 1e-12);
    }
}
