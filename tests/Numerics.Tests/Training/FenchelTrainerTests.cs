using Idl.Numerics.Activations;
using Idl.Numerics.Data;
using Idl.Numerics.Tests.TestSupport;
using Idl.Numerics.Training;
using Idl.Numerics.Training.Fenchel;

namespace Idl.Numerics.Tests.Training;

public sealed class FenchelTrainerTests
{
    [Fact]
    public void Divergence_ReluPair_IsZeroOnlyAtEquilibrium()
    {
        var z = Rand.Matrix<double>(4, 5, seed: 1);
        var x = z.Clone();
        foreach (ref var v in x.Span) v = Math.Max(v, 0);
        double[] lambda = [1, 1, 1, 1];
        Tol.Close(0, FenchelDivergence.Value(x, z, lambda), 1e-15, "F(relu(z), z)");
        x[1, 2] += 0.1;
        Assert.True(FenchelDivergence.Value(x, z, lambda) > 1e-4);
    }

    [Fact]
    public void Divergence_Gradients_MatchCentralDifferences()
    {
        var z = Rand.Matrix<double>(3, 4, seed: 2);
        var x = Rand.Matrix<double>(3, 4, seed: 3);
        foreach (ref var v in x.Span) v = Math.Abs(v);
        double[] lambda = [0.5, 1, 2];
        var gz = new Matrix<double>(3, 4);
        FenchelDivergence.GradientZ(x, z, lambda, gz);
        var gx = new Matrix<double>(3, 4);
        FenchelDivergence.AddGradientX(x, z, lambda, gx);
        for (int i = 0; i < 12; i++)
        {
            Tol.Close(Central(z, i, () => FenchelDivergence.Value(x, z, lambda)), gz.Data[i], 1e-7, $"dF/dz[{i}]");
            Tol.Close(Central(x, i, () => FenchelDivergence.Value(x, z, lambda)), gx.Data[i], 1e-7, $"dF/dx[{i}]");
        }
    }

    [Fact]
    public void Train_SineRegression_ObjectiveNeverIncreasesAndKeepsKappa()
    {
        var train = SyntheticSine.Generate(DataPart.Train, new SyntheticOptions { Samples = 100, Seed = 4 });
        var model = ModelInitializer.Create<double>(15, 1, 1, ActivationMap.Uniform(Relu.Instance, 15), seed: 5);
        var trainer = new FenchelTrainer<double>(model, train, new TrainingOptions { Epochs = 6, Kappa = 0.5 }, lambda: 1, innerSteps: 10);
        trainer.Train();
        for (int k = 1; k < trainer.Objective.Count; k++)
            Assert.True(trainer.Objective[k] <= trainer.Objective[k - 1] * (1 + 1e-9), $"J rose at round {k}: {trainer.Objective[k - 1]} -> {trainer.Objective[k]}");
        Assert.True(trainer.Objective[^1] < 0.5 * trainer.Objective[0]);
        Assert.True(Norms.InfinityNorm(model.A) <= 0.5 + 1e-12);
    }

    [Fact]
    public void Train_NonReluModel_NotSupported()
    {
        var train = SyntheticSine.Generate(DataPart.Train, new SyntheticOptions { Samples = 20, Seed = 6 });
        var model = ModelInitializer.Create<double>(4, 1, 1, ActivationMap.Uniform(Tanh.Instance, 4), seed: 7);
        Assert.Throws<NotSupportedException>(() => new FenchelTrainer<double>(model, train, new TrainingOptions { Epochs = 1 }).Train());
    }

    private static double Central(Matrix<double> m, int i, Func<double> f)
    {
        double saved = m.Data[i];
        m.Data[i] = saved + 1e-6;
        double plus = f();
        m.Data[i] = saved - 1e-6;
        double minus = f();
        m.Data[i] = saved;
        return (plus - minus) / 2e-6;
    }
}
