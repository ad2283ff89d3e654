using Idl.Numerics.Activations;
using Idl.Numerics.Data;
using Idl.Numerics.Models;
using Idl.Numerics.Solvers;
using Idl.Numerics.Training;

namespace Idl.Numerics.Tests.Training;

public sealed class ProjectedGradientTrainerTests
{
    private static Dataset Blobs(int m, int seed)
    {
        // Three Gaussian blobs in 4-D: separable, so a working trainer must cut the loss sharply.
        var rng = new Random(seed);
        var inputs = new float[m * 4];
        var labels = new int[m];
        for (int i = 0; i < m; i++)
        {
            labels[i] = i % 3;
            for (int f = 0; f < 4; f++) inputs[i * 4 + f] = (float)((f == labels[i] ? 2.0 : 0.0) + 0.5 * (rng.NextDouble() - 0.5));
        }
        return Dataset.ForClassification("blobs", inputs, 4, labels, 3);
    }

    private static ImplicitModel<double> Model(int n, int seed) =>
        ModelInitializer.Create<double>(n, 4, 3, ActivationMap.Uniform(Relu.Instance, n), seed);

    [Theory]
    [InlineData(OptimizerKind.Adam, SolverKind.Picard)]
    [InlineData(OptimizerKind.Sgd, SolverKind.Anderson)]
    public void Train_SeparableData_ReducesLossAndClassifies(OptimizerKind optimizer, SolverKind solver)
    {
        var data = Blobs(90, seed: 1);
        var options = new TrainingOptions { Epochs = 30, BatchSize = 15, LearningRate = optimizer == OptimizerKind.Adam ? 0.02 : 0.05, Kappa = 0.9, Optimizer = optimizer, Solver = solver };
        var result = new ProjectedGradientTrainer<double>(Model(12, 2), data, options).Train(test: data);
        Assert.True(result.Epochs[^1].TrainLoss < 0.3 * result.Epochs[0].TrainLoss,
            $"loss {result.Epochs[0].TrainLoss:F4} -> {result.Epochs[^1].TrainLoss:F4}");
        Assert.True(result.Epochs[^1].TestAccuracy >= 0.95, $"accuracy {result.Epochs[^1].TestAccuracy}");
    }

    [Fact]
    public void TrainEpoch_OneStepPerEpoch_KeepsInfNormWithinKappaAfterEveryStep()
    {
        var data = Blobs(30, seed: 3);
        var model = Model(10, 4);
        // A large rate pushes A far outside the ball on every step, so only the projection keeps it inside.
        var options = new TrainingOptions { Epochs = 1, BatchSize = 30, LearningRate = 0.5, Kappa = 0.7 };
        var trainer = new ProjectedGradientTrainer<double>(model, data, options);
        for (int epoch = 1; epoch <= 15; epoch++)
        {
            var report = trainer.TrainEpoch(epoch);
            Assert.True(Norms.InfinityNorm(model.A) <= 0.7 * (1 + 1e-12), $"step {epoch}: ||A||inf = {report.InfNormA:R}");
        }
        Assert.True(Norms.InfinityNorm(model.A) > 0.69, "the test needs the constraint to be active");
    }

    [Fact]
    public void Train_SameSeedOneThread_IsBitForBitReproducible()
    {
        var data = Blobs(60, seed: 5);
        var options = new TrainingOptions { Epochs = 3, BatchSize = 16, Seed = 9 };
        var a = new ProjectedGradientTrainer<float>(ModelInitializer.Create<float>(8, 4, 3, ActivationMap.Uniform(Relu.Instance, 8), 9), data, options).Train();
        var b = new ProjectedGradientTrainer<float>(ModelInitializer.Create<float>(8, 4, 3, ActivationMap.Uniform(Relu.Instance, 8), 9), data, options).Train();
        Assert.Equal(a.Model.A.Data, b.Model.A.Data);
        Assert.Equal(a.Model.D.Data, b.Model.D.Data);
        Assert.Equal(a.Epochs[^1].TrainLoss, b.Epochs[^1].TrainLoss);
    }

    [Fact]
    public void Train_FeatureSelectionPenalty_DropsUselessFeatures()
    {
        // Features 0..2 carry the class; feature 3 is pure noise and must be dropped.
        var rng = new Random(6);
        int m = 90;
        var inputs = new float[m * 4];
        var labels = new int[m];
        for (int i = 0; i < m; i++)
        {
            labels[i] = i % 3;
            for (int f = 0; f < 3; f++) inputs[i * 4 + f] = f == labels[i] ? 1f : 0f;
            inputs[i * 4 + 3] = (float)(rng.NextDouble() - 0.5);
        }
        var data = Dataset.ForClassification("noisy", inputs, 4, labels, 3);
        var options = new TrainingOptions { Epochs = 40, BatchSize = 30, LearningRate = 0.02, Penalties = new PenaltyOptions { FeatureSelection = 0.5 } };
        var result = new ProjectedGradientTrainer<double>(Model(6, 7), data, options).Train(test: data);
        Assert.Contains(3, result.Sparsity.DroppedFeatures);
        Assert.DoesNotContain(0, result.Sparsity.DroppedFeatures);
        Assert.True(result.Epochs[^1].TestAccuracy >= 0.9);
    }

    [Fact]
    public void Train_L1Penalty_MakesModelSparse()
    {
        var data = Blobs(60, seed: 8);
        var dense = new ProjectedGradientTrainer<double>(Model(10, 9), data, new TrainingOptions { Epochs = 10, BatchSize = 20 }).Train();
        var sparse = new ProjectedGradientTrainer<double>(Model(10, 9), data,
            new TrainingOptions { Epochs = 10, BatchSize = 20, Penalties = new PenaltyOptions { L1 = 3 } }).Train();
        Assert.True(sparse.Sparsity.ZeroFraction > dense.Sparsity.ZeroFraction + 0.3,
            $"zero fraction {dense.Sparsity.ZeroFraction:F2} -> {sparse.Sparsity.ZeroFraction:F2}");
    }

    [Fact]
    public void Train_RobustnessPenalty_LowersLipschitzBound()
    {
        var data = Blobs(60, seed: 10);
        var plain = new ProjectedGradientTrainer<double>(Model(10, 11), data, new TrainingOptions { Epochs = 10, BatchSize = 20, Kappa = 0.5 }).Train();
        var robust = new ProjectedGradientTrainer<double>(Model(10, 11), data,
            new TrainingOptions { Epochs = 10, BatchSize = 20, Kappa = 0.5, Penalties = new PenaltyOptions { Robustness = 0.5 } }).Train();
        Assert.True(Idl.Numerics.Training.Penalties.RobustnessPenalty.Value(robust.Model) < Idl.Numerics.Training.Penalties.RobustnessPenalty.Value(plain.Model));
    }

    [Fact]
    public void Constructor_KappaOutOfRange_ThrowsNamingOption()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ProjectedGradientTrainer<double>(Model(4, 1), Blobs(9, 1), new TrainingOptions { Kappa = 1.0 }));
        Assert.Contains("Kappa", ex.Message);
        Assert.Contains("1", ex.Message);
    }

    [Fact]
    public void Constructor_DataShapeMismatch_ThrowsNamingSizes()
    {
        var model = ModelInitializer.Create<double>(4, 5, 3, ActivationMap.Uniform(Relu.Instance, 4), 1);
        var ex = Assert.Throws<ArgumentException>(() => new ProjectedGradientTrainer<double>(model, Blobs(9, 1), new TrainingOptions()));
        Assert.Contains("4 features", ex.Message);
    }

    [Fact]
    public void Train_EarlyStopping_StopsAndKeepsBestModel()
    {
        var data = Blobs(60, seed: 12);
        // Validation labels unrelated to the inputs: the better the fit, the worse the validation loss gets.
        var shuffled = Blobs(60, seed: 12);
        var rng = new Random(14);
        var labels = Enumerable.Range(0, 60).Select(_ => rng.Next(3)).ToArray();
        var validation = Dataset.ForClassification("random-labels", shuffled.Inputs.ToArray(), 4, labels, 3);
        var options = new TrainingOptions { Epochs = 200, BatchSize = 60, LearningRate = 0.05, EarlyStoppingPatience = 2 };
        var result = new ProjectedGradientTrainer<double>(Model(6, 13), data, options).Train(validation: validation);
        Assert.True(result.StoppedEarly);
        Assert.True(result.Epochs.Count < 200);
        var best = result.Epochs.Min(e => e.ValidationLoss!.Value);
        var final = Evaluation.Run(result.Model, validation, new PicardSolver(options.Forward));
        Assert.True(Math.Abs(final.Loss - best) <= 1e-4 * Math.Max(1, best), $"final {final.Loss}, best {best}");
    }

    [Fact]
    public void Train_FullBatchWarmStart_NeedsFewerIterationsAndSameResult()
    {
        var data = Blobs(60, seed: 15);
        var options = new TrainingOptions { Epochs = 6, BatchSize = 60, LearningRate = 1e-3, Kappa = 0.95 };
        var cold = new ProjectedGradientTrainer<double>(Model(12, 16), data, options).Train();
        var warm = new ProjectedGradientTrainer<double>(Model(12, 16), data, options with { WarmStart = true }).Train();
        double coldIterations = cold.Epochs.Skip(1).Sum(e => e.ForwardIterationsMean + e.BackwardIterationsMean);
        double warmIterations = warm.Epochs.Skip(1).Sum(e => e.ForwardIterationsMean + e.BackwardIterationsMean);
        Assert.True(warmIterations < 0.8 * coldIterations, $"warm {warmIterations}, cold {coldIterations}");
        Assert.True(Math.Abs(warm.Epochs[^1].TrainLoss - cold.Epochs[^1].TrainLoss) <= 1e-6 * cold.Epochs[^1].TrainLoss + 1e-9);
    }
}
