using Idl.Numerics.Activations;
using Idl.Numerics.Data;
using Idl.Numerics.Solvers;
using Idl.Numerics.Tests.TestSupport;
using Idl.Numerics.Training;
using MN = MathNet.Numerics.LinearAlgebra;

namespace Idl.Numerics.Tests.Training;

public sealed class BlockCoordinateTrainerTests
{
    [Fact]
    public void LeastSquaresReadout_Solve_EqualsNormalEquationSolution()
    {
        var z = Rand.Matrix<double>(7, 40, seed: 1);
        var y = Rand.Matrix<double>(3, 40, seed: 2);
        const double ridge = 0.3;
        var w = LeastSquaresReadout.Solve(z, y, ridge, shrunkCount: 7);
        // Reference: the ridge problem as an augmented ordinary least-squares problem, solved by QR.
        var zt = z.ToMathNet().Transpose();
        double scale = Enumerable.Range(0, 7).Average(i => z.Row(i).ToArray().Sum(v => v * v));
        var augmented = zt.Stack(MN.Matrix<double>.Build.DenseIdentity(7) * Math.Sqrt(ridge * scale));
        var rhs = y.ToMathNet().Transpose().Stack(MN.Matrix<double>.Build.Dense(7, 3));
        var reference = augmented.QR().Solve(rhs).Transpose();
        Assert.True((w - reference).Enumerate().Max(Math.Abs) <= 1e-10);
    }

    [Fact]
    public void LeastSquaresReadout_Fit_ZeroesReadoutGradient()
    {
        var data = SyntheticSine.Generate(DataPart.Train, new SyntheticOptions { Samples = 80, Seed = 3 });
        var model = ModelInitializer.Create<double>(10, 1, 1, ActivationMap.Uniform(Relu.Instance, 10), seed: 4);
        var solver = new PicardSolver(new SolverOptions { AbsoluteTolerance = 1e-13, RelativeTolerance = 1e-13 });
        LeastSquaresReadout.Fit(model, data, solver, ridge: 0);
        var batch = data.Batch<double>(Enumerable.Range(0, data.SampleCount).ToArray());
        var prediction = Idl.Numerics.Models.ImplicitModelExtensions.Predict(model, batch.U, solver);
        var g = new Matrix<double>(1, data.SampleCount);
        new Idl.Numerics.Losses.SquaredLoss().Evaluate(batch.Y, prediction.Output, g);
        var gradC = Idl.Numerics.Kernels.Gemm.Product(g, false, prediction.State, true);
        Assert.True(gradC.Data.Max(Math.Abs) <= 1e-8, "least squares leaves no first-order improvement in C");
    }

    [Fact]
    public void Train_SineRegression_RmseFarBelowNoiseFreeSpread()
    {
        var train = SyntheticSine.Generate(DataPart.Train, new SyntheticOptions { Samples = 200, Seed = 1 });
        var test = SyntheticSine.Generate(DataPart.Test, new SyntheticOptions { Seed = 1 });
        var model = ModelInitializer.Create<double>(40, 1, 1, ActivationMap.Uniform(Relu.Instance, 40), seed: 2);
        var options = new TrainingOptions { Epochs = 30, BatchSize = 20, LearningRate = 0.01, Kappa = 0.5 };
        var result = new BlockCoordinateTrainer<double>(model, train, options).Train(test: test);
        Assert.True(Norms.InfinityNorm(model.A) <= 0.5 + 1e-12);
        Assert.True(result.Epochs[^1].TestRmse < 1.5, $"held-out RMSE {result.Epochs[^1].TestRmse}");
    }
}
